import { describe, expect, it } from 'vitest';
import { parseRoute, ROUTE_PATHS, routeHref, type RouteName } from './routes.js';

describe('parseRoute', () => {
  it('round-trips every screen through its path', () => {
    for (const name of Object.keys(ROUTE_PATHS) as RouteName[]) {
      expect(parseRoute(routeHref(name), '').name).toBe(name);
    }
  });

  it('treats trailing slashes and /index.html as the same screen', () => {
    expect(parseRoute('/help/', '')).toEqual({ name: 'help' });
    expect(parseRoute('/index.html', '')).toEqual({ name: 'welcome' });
    expect(parseRoute('', '')).toEqual({ name: 'welcome' });
  });

  it('reads the invitation secret from the fragment only on /join', () => {
    expect(parseRoute('/join', '#s3cr3t-AbC_9')).toEqual({ name: 'join', invitation: 's3cr3t-AbC_9' });
    expect(parseRoute('/join', 'raw')).toEqual({ name: 'join', invitation: 'raw' });
    expect(parseRoute('/join', '#')).toEqual({ name: 'join', invitation: undefined });
    expect(parseRoute('/join', '')).toEqual({ name: 'join', invitation: undefined });
    expect(parseRoute('/help', '#s3cr3t')).toEqual({ name: 'help' });
  });

  it('reports unknown paths as not found, with the path', () => {
    expect(parseRoute('/nope', '')).toEqual({ name: 'notFound', path: '/nope' });
    expect(parseRoute('/Help', '')).toEqual({ name: 'notFound', path: '/Help' });
    expect(parseRoute('/help/extra', '')).toEqual({ name: 'notFound', path: '/help/extra' });
  });
});
