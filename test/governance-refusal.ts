/**
 * What a promise is refused with: `refusal` for an AppError (another error is thrown on),
 * `errorOf` for any error. A success fails the test.
 */
import { type AppError, isAppError } from "../src/platform/errors.ts";

export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

export async function errorOf(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected a rejection");
}
