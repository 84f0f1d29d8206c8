/** Kept for the specs that import organizations from here; the builder is Fixtures in ./fixtures. */
export { createOrgWithUsers, FIXTURE_PASSWORD, FIXTURE_UNITS } from './fixtures';
export type { FixtureUser, OrgOptions as OrgFixtureOptions, OrgWithUsers } from './fixtures';
