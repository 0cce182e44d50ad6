/**
 * The Electron host's security policy as pure functions (DESIGN.md §3), so it
 * can be tested without the Electron binary. main.ts wires them to Electron.
 */

/** The privileged scheme the renderer is served from: `lotse://app/…`. */
export const APP_SCHEME = 'lotse';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives the scheme a real origin (so CSP 'self', blob: URLs and
 * storage work as on https), `secure` makes it a secure context,
 * `supportFetchAPI` lets the page fetch its own assets (pdf.js worker, fonts).
 * Deliberately absent: `bypassCSP`, `corsEnabled`, `allowServiceWorkers`.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for a URL of the app itself (`lotse://app/…`), nothing else. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== undefined && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** A blob URL created by the app's own page, e.g. a rendered PDF to save. */
export function isAppBlobUrl(url: string): boolean {
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/** What the IPC handler knows about the sender of a call. */
export interface SenderFacts {
  /** `event.senderFrame.url`; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** The sending frame is a top-level frame (no parent). */
  isMainFrame: boolean;
  /** `event.sender.id`. */
  senderId: number;
  /** The app window's `webContents.id`; undefined while there is no window. */
  mainWebContentsId: number | undefined;
}

/**
 * Only the app's own main frame may call the core: not an iframe, not another
 * window or webContents, not a page that was somehow navigated elsewhere.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  return (
    facts.mainWebContentsId !== undefined &&
    facts.senderId === facts.mainWebContentsId &&
    facts.isMainFrame &&
    facts.frameUrl !== undefined &&
    isAppUrl(facts.frameUrl)
  );
}

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface SenderEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export function senderFacts(event: SenderEventLike, mainWebContentsId: number | undefined): SenderFacts {
  let frame: SenderEventLike['senderFrame'] = null;
  try {
    frame = event.senderFrame;
  } catch {
    // Older Electron versions throw instead of returning null for a frame that navigated away.
  }
  return {
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
    senderId: event.sender.id,
    mainWebContentsId,
  };
}

/**
 * Every renderer-initiated navigation is blocked: the app is one page, its
 * routing stays inside it, and `loadURL` from the main process does not pass
 * through here. Downloads via `<a download>` are not navigations.
 */
export function shouldBlockNavigation(_url: string): boolean {
  return true;
}

/**
 * The page saves PDFs with `<a download href="blob:…">`; only such local
 * content may be downloaded, never a remote URL.
 */
export function isAllowedDownloadUrl(url: string): boolean {
  return isAppBlobUrl(url) || url.startsWith('data:');
}

/** Camera, geolocation, notifications, …: the app needs none of them. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}
