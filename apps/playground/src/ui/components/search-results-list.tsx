import type { SearchResult } from '@xinghuo/browser';
import { useI18n } from '../i18n/i18n-context';

/** Only http(s) links are made clickable; anything else from a search result is shown as text. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The web-search sources Spark returned before the answer (`show_ref_label`). */
export function SearchResultsList({ results }: { results: readonly SearchResult[] }) {
  const { t } = useI18n();
  return (
    <div className="search-results" data-testid="search-results">
      <p className="muted">{t.sources}</p>
      <ol>
        {results.map((result) => (
          <li key={`${result.index}-${result.url}`}>
            {isWebUrl(result.url) ? (
              <a href={result.url} target="_blank" rel="noopener noreferrer nofollow">
                {result.title || result.url}
              </a>
            ) : (
              <span>{result.title || result.url}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
