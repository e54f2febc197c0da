/** The owner name of a group's chat webhook in the outbox (`group:12`): rooms address the channel by it. */
export const groupOwner = (groupId: number) => `group:${groupId}`;
