// Jest's worker processes get FORCE_COLOR=1 when jest itself writes to a terminal: a CLI spawned by
// a test would then colour its text reports. Every test file starts without FORCE_COLOR and
// NO_COLOR, as in CI; the colour tests set them explicitly (test/cli/terminal.test.ts).
delete process.env.FORCE_COLOR;
delete process.env.NO_COLOR;
