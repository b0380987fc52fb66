import type { Locale } from './locale.ts';

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rules = new Map<Locale, Intl.PluralRules>();

/** The form of a word for `count` in `locale` (Russian has one/few/many), `#` replaced by the count. */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const category = rule.select(count) as keyof PluralForms;
  const form = forms[category] ?? forms.other;
  return form.replaceAll('#', String(count));
}
