import { ROLES, PASSWORD_MAX_LENGTH } from '@benpao/domain';
import { z } from 'zod';
import { pageQuery, ref, text } from '../../http.ts';

export const role = z.enum(ROLES);

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(role),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const meView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(role),
});

export const userListQuery = z.strictObject({
  unitId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  ...pageQuery,
});

const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . - only');
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const userCreate = z.strictObject({
  username,
  displayName: text(100),
  unitId: ref,
  password,
});
export const userUpdate = z.strictObject({
  displayName: text(100).optional(),
  unitId: ref.optional(),
  active: z.boolean().optional(),
});
export const passwordReset = z.strictObject({ password });
export const roleGrant = z.strictObject({ roles: z.array(role).max(ROLES.length) });
export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export const passwordChange = z.strictObject({ currentPassword: password, newPassword: password });
