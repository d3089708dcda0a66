// The face of auth (see README.md): the signed-in person, sessions, accounts, and who holds which role where.
export type { AuthContext, AuthUser } from './access.ts';
export { MIN_PASSWORD_LENGTH } from './passwords.ts';
export { personById, roleHolders, type Person } from './people.ts';
export { loadSession, randomToken, SESSION_COOKIE } from './sessions.ts';
export { countUsers, createUser, emailSchema } from './users.ts';
