/** The AppError a promise is refused with; another error is thrown on, and a success fails the test. */
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
