/**
 * The browser host hands out its launch token in the URL fragment
 * (`#token=<hex>`), which browsers never send to a server. It is kept in
 * sessionStorage so a reload of the tab keeps working, and removed from the
 * address bar so it is not bookmarked, shared or mistaken for a route.
 */
export const TOKEN_STORAGE_KEY = 'lotse.token';

const TOKEN_FRAGMENT = /^#token=([0-9a-fA-F]+)$/;

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

/** Reads the token from the fragment (a fresh launch wins) or from the tab's storage. */
export function takeToken(env: TokenEnvironment): string | null {
  const match = TOKEN_FRAGMENT.exec(env.location.hash);
  if (match?.[1]) {
    const token = match[1].toLowerCase();
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // Storage may be disabled; the token still works until the tab is reloaded.
    }
    env.history.replaceState(env.history.state, '', env.location.pathname + env.location.search);
    return token;
  }
  try {
    const stored = env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
    return stored && /^[0-9a-f]+$/.test(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function browserTokenEnvironment(): TokenEnvironment {
  let storage: Storage | null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  return { location: window.location, history: window.history, storage };
}
