/** What the browser shows of the app: tab title, icon and the manifest used to install it. */
export type DocumentIdentity = {
  readonly titleKey: 'app.name' | 'app.neutralName';
  readonly manifestHref: string;
  readonly iconHref: string;
  readonly themeColor: string;
};

const LAMPLIGHT: DocumentIdentity = {
  titleKey: 'app.name',
  manifestHref: '/manifest.webmanifest',
  iconHref: '/icons/lamp.svg',
  themeColor: '#2a221e',
};

/** Matches `manifest-notes.webmanifest` emitted by vite.config.ts. */
const NEUTRAL: DocumentIdentity = {
  titleKey: 'app.neutralName',
  manifestHref: '/manifest-notes.webmanifest',
  iconHref: '/icons/notes.svg',
  themeColor: '#ece8e0',
};

/** The identity to show: Lamplight's own, or a plain notebook when the member asks for a neutral name. */
export function documentIdentity(neutral: boolean): DocumentIdentity {
  return neutral ? NEUTRAL : LAMPLIGHT;
}

/** Apply an identity to the document head (title, icon, manifest link, theme colour). */
export function applyIdentity(doc: Document, identity: DocumentIdentity, title: string): void {
  doc.title = title;
  const set = (selector: string, attribute: string, value: string): void => {
    doc.head.querySelector(selector)?.setAttribute(attribute, value);
  };
  set('link[rel="manifest"]', 'href', identity.manifestHref);
  set('link[rel="icon"]', 'href', identity.iconHref);
  set('meta[name="theme-color"]', 'content', identity.themeColor);
}
