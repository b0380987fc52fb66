import type { Messages } from '../messages.ts';

/** «➕ Add agency» (Superuser) in English. */
export const addAgency: Messages['addAgency'] = {
  askName:
    '➕ New agency. Step 1 of 4: name.\n\n' +
    "Type the agency's name, 2 to 100 characters. It must differ from every other agency's name.",
  askCity: (name) => `The name «${name}» is free.\n\nStep 2 of 4: city. Pick it with a button or type it.`,
  askPhone: "Step 3 of 4: the agency's phone, e.g. +7 727 250 01 00 or 8 701 123 45 67.",
  askEmail: "Step 4 of 4: the agency's email, e.g. office@agency.kz.",
  editName: "Type the agency's new name, 2 to 100 characters.",
  editCity: 'Pick the city with a button or type it.',
  editPhone: "Type the agency's phone, e.g. +7 727 250 01 00.",
  editEmail: "Type the agency's email, e.g. office@agency.kz.",
  summary: (agency) =>
    'Please check the new agency:\n\n' +
    `🏢 Name: ${agency.name}\n🏙 City: ${agency.city}\n📞 Phone: ${agency.phone}\n✉️ Email: ${agency.email}\n\n` +
    'It will be created active. Is this right?',
  chooseField: 'What to change?',
  created: (name) =>
    `✅ The agency «${name}» is created and active. Appoint its Super Admin and realtors in «👥 Users».`,
};
