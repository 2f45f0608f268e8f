// The 'deadlineSettings' namespace, kept in its own file so features can grow without crowding zh.ts.
export const zhDeadlineSettings = {} as const;
