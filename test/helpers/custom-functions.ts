/**
 * A global fake of the custom functions runtime (Excel provides `CustomFunctions`): the Error class
 * with its code and message, the ErrorCode enum, and associate() recording each registration.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export interface FakeRuntime {
  associations: [string, unknown][];
}

export function installFakeCustomFunctions(): FakeRuntime {
  const runtime: FakeRuntime = { associations: [] };
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
    associate: (id: string, fn: unknown) => runtime.associations.push([id, fn]),
  };
  return runtime;
}

export function removeFakeCustomFunctions(): void {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
}
