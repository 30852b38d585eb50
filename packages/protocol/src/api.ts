/** Every HTTP path of API version 1, defined once. */
export const API = {
  challenge: '/api/v1/auth/challenge',
  login: '/api/v1/auth/login',
  recover: '/api/v1/auth/recover',
  logout: '/api/v1/auth/logout',
  join: '/api/v1/join',
  me: '/api/v1/me',
  devices: '/api/v1/devices',
  device: '/api/v1/devices/:deviceId',
  deviceLinks: '/api/v1/device-links',
  deviceLinkClaim: '/api/v1/device-links/claim',
  invitations: '/api/v1/invitations',
  invitation: '/api/v1/invitations/:invitationId',
  members: '/api/v1/members',
  member: '/api/v1/members/:accountId',
  community: '/api/v1/community',
  circles: '/api/v1/circles',
  circleDirectory: '/api/v1/circles/directory',
  circleMembers: '/api/v1/circles/:circleId/members',
  circleJoinRequests: '/api/v1/circles/:circleId/join-requests',
  keyPackages: '/api/v1/key-packages',
  keyPackageTake: '/api/v1/key-packages/take',
  watchStatus: '/api/v1/watch/status',
  watchRequests: '/api/v1/watch/requests',
  watchRequest: '/api/v1/watch/requests/:requestId',
  watchRequestCancel: '/api/v1/watch/requests/:requestId/cancel',
  watchRequestAccept: '/api/v1/watch/requests/:requestId/accept',
  watchRequestDecline: '/api/v1/watch/requests/:requestId/decline',
  watchRequestRelease: '/api/v1/watch/requests/:requestId/release',
  watchRequestClose: '/api/v1/watch/requests/:requestId/close',
  watchQueue: '/api/v1/watch/queue',
  watchMe: '/api/v1/watch/me',
  watchShifts: '/api/v1/watch/shifts',
  watchResponder: '/api/v1/watch/responders/:accountId',
  blobs: '/api/v1/blobs',
  blob: '/api/v1/blobs/:name',
  directory: '/api/v1/directory',
} as const;

/** Fill a path's `:params`. */
export function apiPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([A-Za-z]+)/gu, (_m, k: string) => encodeURIComponent(params[k] ?? ''));
}
