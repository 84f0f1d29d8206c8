// Specs against the real PostgreSQL, Redis, worker processes and Chromium: on a loaded two-core machine an app's
// start alone has taken over five seconds, so jest's 5 s default failed hooks that were merely slow. (jest reads
// `testTimeout` only from the global configuration, not per project, hence this setup file.)
jest.setTimeout(60_000);
