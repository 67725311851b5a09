/**
 * A browser journey of one area (e2e/journeys/<area>.ts): steps on the H5 build, each asserting what a person would
 * read; `npm run e2e` runs every journey of the registry (index.ts) after its own steps and saves a screenshot each.
 */
import type { Page } from 'playwright-core';

export interface JourneyStep {
  name: string;
  run: (page: Page) => Promise<void>;
}

/** An area's steps, given the local system's address. They start signed in as a member of the demo union. */
export type Journey = (baseUrl: string) => JourneyStep[];

/** Wait until `text` is visible (Taro's H5 router keeps earlier pages in the DOM, hidden: only what is visible counts). */
export async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
}
