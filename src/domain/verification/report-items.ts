// Verification reports list the Base Report's Items again, each with only the
// accounts the report covers; an Item left with none is omitted.
import type * as base from '../reports/base-report-wire.js';

export interface VerificationItem<Account> {
  accounts: Account[];
  institution_name: string;
  institution_id: string;
  item_id: string;
  last_update_time: string;
}

export function verificationItems<Account>(report: base.BaseReport, accountsOf: (item: base.BaseReportItem) => Account[]): VerificationItem<Account>[] {
  const items: VerificationItem<Account>[] = [];
  for (const item of report.items) {
    const accounts = accountsOf(item);
    if (accounts.length === 0) continue;
    items.push({
      accounts,
      institution_name: item.institution_name,
      institution_id: item.institution_id,
      item_id: item.item_id,
      last_update_time: item.date_last_updated,
    });
  }
  return items;
}
