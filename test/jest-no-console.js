// Stray console output in a test run hides real problems: fail the test that printed.
// A test that means to print (a precision/recall table) calls `allowConsole()` first.
const methods = ['log', 'info', 'warn', 'error', 'debug'];
let allowed = false;
global.allowConsole = () => {
  allowed = true;
};
beforeEach(() => {
  allowed = false;
  for (const method of methods) {
    jest.spyOn(console, method);
  }
});
afterEach(() => {
  const calls = methods.flatMap((method) => console[method].mock.calls.map((args) => `${method}: ${args.join(' ')}`));
  jest.restoreAllMocks();
  if (!allowed && calls.length > 0) {
    throw new Error(`Unexpected console output:\n${calls.join('\n').slice(0, 2000)}`);
  }
});
