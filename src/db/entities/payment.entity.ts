import { defineEntity, p } from '@mikro-orm/core';
import { Booking } from './booking.entity.ts';

export const PAYMENT_STATUSES = ['succeeded', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PaymentSchema = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.integer().primary(),
    booking: () => p.manyToOne(Booking),
    /** Integer tenge. */
    amount: p.integer().check('amount > 0'),
    provider: p.string().length(20).default('demo'),
    status: p.enum(PAYMENT_STATUSES).default('succeeded'),
    /** One payment per key: paying twice with the same key records one Payment. */
    idempotencyKey: p.string().length(100).unique('payment_idempotency_key_unique'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Payment extends PaymentSchema.class {}
PaymentSchema.setClass(Payment);
