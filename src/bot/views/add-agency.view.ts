import { fromPromise } from 'xstate';
import {
  type AddAgencyContext,
  type AddAgencyOutput,
  addAgencyMachine,
} from '../../machines/add-agency.machine.ts';
import type { AgencyField } from '../../machines/agency-input.ts';
import type { Flow } from '../flow.ts';
import { flowServices } from '../flow-services.ts';
import type { Messages } from '../i18n/index.ts';
import type { OutgoingMessage, ReplyButton } from '../screen.ts';
import { formatKzPhone } from './bookings/phone-text.ts';
import { errorText, navigationRow, withNotice } from './keyboards.ts';
import { agencyCities, cityRows } from './platform/agency-cities.ts';

function notice(t: Messages, context: AddAgencyContext): string | null {
  if (context.notice) return t.agencies[context.notice];
  return context.error ? errorText(t, context.error.code) : null;
}

/** The prompt of a field's step: the wizard's own, or a shorter one when changing it from the summary. */
function prompt(t: Messages, context: AddAgencyContext, field: AgencyField): string {
  const a = t.addAgency;
  if (context.editing) {
    return { name: a.editName, city: a.editCity, phone: a.editPhone, email: a.editEmail }[field];
  }
  return { name: a.askName, city: a.askCity(context.name ?? ''), phone: a.askPhone, email: a.askEmail }[
    field
  ];
}

function fieldStep(t: Messages, context: AddAgencyContext, field: AgencyField): OutgoingMessage {
  const cities: ReplyButton[][] =
    field === 'city' ? cityRows(context.cities).map((row) => row.map((city) => ({ text: city }))) : [];
  // The first step has nothing to go back to, unless a field is being changed from the summary.
  const back = field !== 'name' || context.editing;
  return {
    text: withNotice(notice(t, context), prompt(t, context, field)),
    reply: [...cities, navigationRow(t, { back })],
  };
}

function summary(t: Messages, context: AddAgencyContext): OutgoingMessage {
  return {
    text: withNotice(
      notice(t, context),
      t.addAgency.summary({
        name: context.name ?? '',
        city: context.city ?? '',
        phone: formatKzPhone(context.phone ?? ''),
        email: context.email ?? '',
      }),
    ),
    reply: [
      [{ text: t.buttons.confirm, event: { type: 'CONFIRM' } }],
      [
        { text: t.buttons.edit, event: { type: 'EDIT' } },
        { text: t.buttons.back, event: { type: 'BACK' } },
      ],
      [{ text: t.buttons.cancel, event: { type: 'CANCEL' } }],
    ],
  };
}

function chooseField(t: Messages): OutgoingMessage {
  const f = t.agencies.fields;
  const field = (name: AgencyField): ReplyButton => ({
    text: f[name],
    event: { type: 'cb.field', id: 0, arg: name },
  });
  return {
    text: t.addAgency.chooseField,
    reply: [
      [field('name'), field('city')],
      [field('phone'), field('email')],
      navigationRow(t, { back: true }),
    ],
  };
}

/** «➕ Добавить агентство»: the wizard's steps as messages with their reply keyboards. */
export const addAgencyFlow: Flow = {
  id: 'addAgency',
  version: 1,
  audience: 'account',
  machine: addAgencyMachine.provide({
    actors: {
      loadCities: fromPromise(() => {
        const { em, domain } = flowServices();
        return agencyCities(em, domain);
      }),
      checkName: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        return { taken: await domain.platform.agencyNameTaken(em, actor, input) };
      }),
      create: fromPromise(async ({ input }) => {
        const { em, domain, actor } = flowServices();
        const agency = await domain.platform.createAgency(em, actor, input);
        return { id: agency.id, name: agency.name };
      }),
    },
  }),
  render(snapshot, { t }): OutgoingMessage[] {
    const context = snapshot.context as AddAgencyContext;
    if (snapshot.matches('askCity')) return [fieldStep(t, context, 'city')];
    if (snapshot.matches('askPhone')) return [fieldStep(t, context, 'phone')];
    if (snapshot.matches('askEmail')) return [fieldStep(t, context, 'email')];
    if (snapshot.matches('summary')) return [summary(t, context)];
    if (snapshot.matches('choosingField')) return [chooseField(t)];
    return [fieldStep(t, context, 'name')];
  },
  finish(output, { t }) {
    const result = output as AddAgencyOutput;
    if (result.outcome === 'created') return t.addAgency.created(result.name);
    if (result.outcome === 'failed') return errorText(t, result.error);
    return t.common.cancelled;
  },
};
