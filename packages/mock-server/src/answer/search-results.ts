import { topicOf } from './deterministic-answer.js';

/** One web-search source, as listed in the `ifly_search` plugin frame. */
export interface MockSearchResult {
  index: number;
  url: string;
  title: string;
}

/** Three deterministic sources for a question; URLs point at `example.com` and never at a real site. */
export function deterministicSearchResults(question: string): MockSearchResult[] {
  const topic = topicOf(question);
  const query = encodeURIComponent(topic);
  return [
    { index: 1, url: `https://example.com/wiki?q=${query}`, title: `${topic} - 百科` },
    { index: 2, url: `https://example.com/news?q=${query}`, title: `${topic} 最新动态 | Example News` },
    { index: 3, url: `https://example.com/docs?q=${query}`, title: `${topic}: an overview` },
  ];
}
