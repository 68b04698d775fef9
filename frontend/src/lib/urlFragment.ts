// Secrets handed to a public page in the URL fragment (`#access_token=…`, `#token=…`): no server,
// proxy or load-balancer log ever sees a fragment. The page reads it once, then removes it.
import { useEffect, useState } from 'react';

/** The key/value pairs of a URL fragment (`#a=1&b=2`, with or without the `#`). */
export function fragmentParams(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

/**
 * What `read` makes of the address's fragment and query, read once on the first render; then
 * both are removed from the address bar and the history entry (a reload, a bookmark or the
 * back button never shows the secret again).
 */
export function useAddressReadOnce<T>(read: (hash: string, search: string) => T): T {
  const [value] = useState(() => read(window.location.hash, window.location.search));
  useEffect(() => {
    if (window.location.hash || window.location.search) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return value;
}
