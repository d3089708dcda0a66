// The person behind a request: who they are and the roles they hold (set by sessions.ts on every request).
// What a role covers is src/core/roles.ts; what a route asks for is src/web/access.ts.
import type { Grant } from '../core/roles.ts';

export interface AuthUser {
  id: number;
  email: string;
  displayName: string;
  locale: 'vi' | 'en';
  mustChangePassword: boolean;
}

export interface AuthContext {
  user: AuthUser;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}
