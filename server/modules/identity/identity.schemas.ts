/**
 * Request and response schemas of the identity routes.
 */
import { Type, type Static } from 'typebox';
import { ROLES } from '../../platform/actor.ts';

export const RoleSchema = Type.Enum(ROLES);

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.Integer(),
  role: RoleSchema,
  mustChangePassword: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const SessionResponse = Type.Object({
  user: UserSchema,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every state-changing request made with the session cookie' }),
  expiresAt: Type.Optional(Type.String()),
});

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
});

export const CreateUserBody = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 64 }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  unitId: Type.Integer({ minimum: 1 }),
  role: RoleSchema,
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export const CreateUserResponse = Type.Object({
  user: UserSchema,
  oneTimePassword: Type.Union([Type.String(), Type.Null()]),
});

export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  role: Type.Optional(RoleSchema),
  disabled: Type.Optional(Type.Boolean()),
});

export const UsersQuery = Type.Object({ unitId: Type.Optional(Type.Integer({ minimum: 1 })) });

export const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export const CreateApiTokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export const CreateApiTokenResponse = Type.Object({ token: Type.String(), apiToken: ApiTokenSchema });
