// Starting an app (and seeding the demo) against a real PostgreSQL takes several seconds on a
// busy machine, and the time limit applies to beforeAll hooks too. Jest ignores a testTimeout
// set inside a project, so the integration project raises its limit here.
jest.setTimeout(60_000);
