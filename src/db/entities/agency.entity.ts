import { defineEntity, p } from '@mikro-orm/core';

export const AgencySchema = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(100).unique('agency_name_unique'),
    city: p.string().length(100),
    phone: p.string().length(20),
    email: p.string().length(254),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** A real-estate agency: realtors and Super Admins belong to one. */
export class Agency extends AgencySchema.class {}
AgencySchema.setClass(Agency);
