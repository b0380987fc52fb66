import { defineEntity, p } from '@mikro-orm/core';
import { Agency } from './agency.entity.ts';

export const USER_ROLES = ['guest', 'realtor', 'super_admin', 'superuser'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_STATUSES = ['active', 'blocked'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary(),
    /** Lower-cased. */
    email: p.string().length(254).unique('app_user_email_unique'),
    /** E.164, e.g. +77011234567. */
    phone: p.string().length(20).unique('app_user_phone_unique'),
    fullName: p.string().length(200),
    /** scrypt hash (`scrypt$N$r$p$salt$hash`); only for accounts created with a password. */
    passwordHash: p.string().length(255).nullable(),
    role: p.enum(USER_ROLES).default('guest'),
    status: p.enum(USER_STATUSES).default('active'),
    agency: () => p.manyToOne(Agency).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [
    { name: 'app_user_super_admin_has_agency', expression: `role <> 'super_admin' or agency_id is not null` },
  ],
});

/** A person with an account on the platform. */
export class User extends UserSchema.class {}
UserSchema.setClass(User);
