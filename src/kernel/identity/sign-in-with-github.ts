import type { GitHubClient } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import {
  findUserByEmail,
  findUserByGitHubId,
  linkGitHubAccount,
  setGitHubLogin,
  type UserRow,
} from "./identity.repo.ts";
import { createSigningInUser, openSignInSession } from "./sign-in-account.ts";

/**
 * Finishes GitHub's OAuth web flow: trades the code for a token, reads the GitHub user, finds the
 * account by GitHub id (or by a verified email, linking it), creates one if needed, opens a session.
 */
export async function signInWithGitHub(input: {
  db: Db;
  now: Date;
  github: GitHubClient;
  code: string;
  redirectUri: string;
  sessionDays: number;
}): Promise<{ user: UserRow; sessionId: string; created: boolean }> {
  const accessToken = await input.github.exchangeCode({ code: input.code, redirectUri: input.redirectUri });
  const { user: gh, emails } = await input.github.fetchUser(accessToken);
  const verified = emails.filter((e) => e.verified).sort((a, b) => Number(b.primary) - Number(a.primary));
  const githubId = String(gh.id);
  return input.db.transaction(async (tx) => {
    let user = await findUserByGitHubId(tx, githubId);
    let created = false;
    if (!user) {
      for (const e of verified) {
        user = await findUserByEmail(tx, e.email);
        if (user) break;
      }
      if (user) {
        if (user.githubId && user.githubId !== githubId) {
          throw new AppError("conflict", {
            message: "Your email address belongs to an account linked to another GitHub user.",
          });
        }
        const linked = await linkGitHubAccount(tx, user.id, { githubId, githubLogin: gh.login });
        user = linked ?? user;
      } else {
        user = await createSigningInUser(
          tx,
          {
            email: verified[0]?.email ?? null,
            name: gh.name?.trim() || gh.login,
            githubId,
            githubLogin: gh.login,
            at: input.now,
          },
          (stored) => ({ githubLogin: gh.login, email: stored.email, via: "github" }),
        );
        created = true;
      }
    } else if (user.githubLogin !== gh.login) {
      await setGitHubLogin(tx, user.id, gh.login);
    }
    const sessionId = await openSignInSession(tx, user, "github", input);
    return { user, sessionId, created };
  });
}
