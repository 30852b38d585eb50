/**
 * The app's screens and their paths. A later feature adds a screen by adding
 * a name here, a case in `parseRoute` only if it reads more than the path,
 * and a component in `screens.tsx`.
 */
export const ROUTE_PATHS = {
  welcome: '/',
  join: '/join',
  unlock: '/unlock',
  restore: '/restore',
  privacy: '/privacy',
  circles: '/circles',
  toolkit: '/toolkit',
  toolkitDiary: '/toolkit/diary',
  toolkitThoughts: '/toolkit/thoughts',
  toolkitBreathing: '/toolkit/breathing',
  toolkitGrounding: '/toolkit/grounding',
  toolkitChecks: '/toolkit/self-check',
  toolkitData: '/toolkit/data',
  invitations: '/invitations',
  safetyPlan: '/safety-plan',
  help: '/help',
  nightWatch: '/night-watch',
  watch: '/watch',
  watchAdmin: '/watch/admin',
  settings: '/settings',
} as const;

/** A screen the app can show. */
export type RouteName = keyof typeof ROUTE_PATHS;

/**
 * Screens that belong to a member's space: while the vault is locked they
 * show the unlock screen instead. Help, privacy, settings, joining and
 * restoring stay open to anyone holding the phone.
 */
export const SPACE_ROUTES: ReadonlySet<RouteName> = new Set<RouteName>(['welcome', 'unlock', 'circles', 'toolkit', 'toolkitDiary', 'toolkitThoughts', 'toolkitBreathing', 'toolkitGrounding', 'toolkitChecks', 'toolkitData', 'invitations']);

/** Where the app is, parsed from the location. */
export type Route =
  | { readonly name: Exclude<RouteName, 'join'> }
  /** `invitation` is the raw fragment after `#`: it never reaches the server. */
  | { readonly name: 'join'; readonly invitation: string | undefined }
  | { readonly name: 'notFound'; readonly path: string };

const BY_PATH: ReadonlyMap<string, RouteName> = new Map(
  Object.entries(ROUTE_PATHS).map(([name, path]) => [path, name as RouteName]),
);

/** Drop trailing slashes (but keep `/`) and treat `/index.html` as `/`. */
function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/u, '');
  if (trimmed === '' || trimmed === '/index.html') return '/';
  return trimmed;
}

/**
 * Parse a location into a route.
 *
 * @param pathname `location.pathname`
 * @param hash `location.hash`, with or without the leading `#`
 */
export function parseRoute(pathname: string, hash: string): Route {
  const path = normalizePath(pathname);
  const name = BY_PATH.get(path);
  if (name === undefined) return { name: 'notFound', path };
  if (name === 'join') {
    const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
    return { name, invitation: fragment === '' ? undefined : fragment };
  }
  return { name };
}

/** The path for a screen, for `href`s and for `navigate`. */
export function routeHref(name: RouteName): string {
  return ROUTE_PATHS[name];
}
