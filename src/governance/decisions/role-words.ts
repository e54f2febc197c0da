/** Group roles in words ("Chair", "Board Liaison", "member"; a titled role by its title). */
const GROUP_ROLE_WORDS: Record<string, string> = {
  chair: "Chair",
  "co-chair": "Co-Chair",
  "board-liaison": "Board Liaison",
  "steering-council-liaison": "Steering Council Liaison",
  member: "member",
};

/** A group role in words. */
export function groupRoleWord(role: string, title = ""): string {
  if (role === "other") return title || "a titled role";
  return GROUP_ROLE_WORDS[role] ?? role;
}
