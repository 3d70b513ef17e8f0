/**
 * Identity module: users of a unit with a role, sessions, API tokens; the actor every policy receives.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { moveUsersToUnit } from './identity.repository.ts';

export {
  login, logout, resolveSession, resolveApiToken, createUser, listUsers, updateUser, changeOwnPassword,
  resetPassword, createApiToken, listApiTokens, revokeApiToken, countUsers, getUserView, presentUser,
  type UserView, type AuthenticatedActor,
} from './identity.service.ts';
export { identityRoutes } from './identity.routes.ts';

// Accounts follow their unit when the office merges a placeholder unit into the real one.
registerUnitMergeHandler(moveUsersToUnit);
