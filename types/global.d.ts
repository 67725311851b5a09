/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** H5 only: the emulator gateway's origin; empty means "same origin as the page". */
    TARO_APP_GATEWAY?: string;
    /** Weapp only: the subscribe-message template of event notices; empty or unset means none is asked for. */
    TARO_APP_EVENT_TEMPLATE_ID?: string;
  }
}
