import { useState } from 'react';

/**
 * What a "type a name, 查找" box keeps: the text being typed, and the query last searched (null until the first
 * search: an empty query would list everyone). `submit` searches the typed text, or asks `again` to repeat a search
 * of the same text (the list may have changed).
 */
export function useSearchBox() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const submit = (again: () => void) => {
    const q = text.trim();
    if (q === query) again();
    else setQuery(q);
  };
  return { text, setText, query, submit };
}
