// The path a request will be routed to, for choosing its headers: the target with dot
// segments resolved (also written as %2e%2e) and percent-encoding undone, then resolved
// again. So /embed/where-to-complain/%2e%2e/%2e%2e/staff/sign-in/ is /staff/sign-in/, and
// gets that page's headers (no framing), not the embed's.
const base = 'http://localhost';

function decoded(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function normalisedPath(target) {
  let path;
  try {
    path = new URL(target ?? '/', base).pathname;
  } catch {
    return '/';
  }
  try {
    const again = decoded(path).replaceAll('\\', '/');
    return new URL(again.startsWith('/') ? again.replace(/^\/+/, '/') : `/${again}`, base).pathname;
  } catch {
    return path;
  }
}
