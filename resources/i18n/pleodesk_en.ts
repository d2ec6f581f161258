<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountsPage</name>
    <message numerus="yes">
        <source>%n account(s) in the ledger.</source>
        <translation>
            <numerusform>%n account in the ledger.</numerusform>
            <numerusform>%n accounts in the ledger.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message numerus="yes">
        <source>%n of {total} categories not mapped yet; their expenses will be held until they are.</source>
        <translation>
            <numerusform>%n of {total} categories not mapped yet; its expenses will be held until it is.</numerusform>
            <numerusform>%n of {total} categories not mapped yet; their expenses will be held until they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message numerus="yes">
        <source>%n mapping(s) added automatically</source>
        <translation>
            <numerusform>%n mapping added automatically</numerusform>
            <numerusform>%n mappings added automatically</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched automatically (highlighted): check them</source>
        <translation>
            <numerusform>%n matched automatically (highlighted): check it</numerusform>
            <numerusform>%n matched automatically (highlighted): check them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message numerus="yes">
        <source>This user may book in %n company(-ies): choose the one for this connection, then press Next.</source>
        <translation>
            <numerusform>This user may book in %n company: choose it for this connection, then press Next.</numerusform>
            <numerusform>This user may book in %n companies: choose the one for this connection, then press Next.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataFolderBox</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message numerus="yes">
        <source>Asking Pleo what {month} holds… pleodesk has exported %n expense(s) of it so far.</source>
        <translation>
            <numerusform>Asking Pleo what {month} holds… pleodesk has exported %n expense of it so far.</numerusform>
            <numerusform>Asking Pleo what {month} holds… pleodesk has exported %n expenses of it so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading {month} from Pleo: %n expense(s) waiting for export so far, {total}…</source>
        <translation>
            <numerusform>Reading {month} from Pleo: %n expense waiting for export so far, {total}…</numerusform>
            <numerusform>Reading {month} from Pleo: %n expenses waiting for export so far, {total}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) waiting for export</source>
        <translation>
            <numerusform>%n expense waiting for export</numerusform>
            <numerusform>%n expenses waiting for export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them already in the ledger</source>
        <translation>
            <numerusform>%n of them already in the ledger</numerusform>
            <numerusform>%n of them already in the ledger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Spend to be booked: {total} (%n expense(s)).</source>
        <translation>
            <numerusform>Spend to be booked: {total} (%n expense).</numerusform>
            <numerusform>Spend to be booked: {total} (%n expenses).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wallet top-ups and unloads, not in that total: {amount} (%n).</source>
        <translation>
            <numerusform>Wallet top-ups and unloads, not in that total: {amount} (%n).</numerusform>
            <numerusform>Wallet top-ups and unloads, not in that total: {amount} (%n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each expense&apos;s details.</source>
        <translation>
            <numerusform>%n expense got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in the expense&apos;s details.</numerusform>
            <numerusform>%n expenses got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each expense&apos;s details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all are in the Expenses tab)</source>
        <translation>
            <numerusform>… and %n more (all are in the Expenses tab)</numerusform>
            <numerusform>… and %n more (all are in the Expenses tab)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message numerus="yes">
        <source>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most %n. Choose one for each group you want to see in the ledger; each tag then becomes one of its values (missing ones can be created).</source>
        <translation>
            <numerusform>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most %n. Choose one for each group you want to see in the ledger; each tag then becomes one of its values (missing ones can be created).</numerusform>
            <numerusform>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most %n. Choose one for each group you want to see in the ledger; each tag then becomes one of its values (missing ones can be created).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Creating %n value(s) in {dimension}…</source>
        <translation>
            <numerusform>Creating %n value in {dimension}…</numerusform>
            <numerusform>Creating %n values in {dimension}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n value(s) in {dimension}; the tags are mapped to them.</source>
        <translation>
            <numerusform>Created %n value in {dimension}; the tag is mapped to it.</numerusform>
            <numerusform>Created %n values in {dimension}; the tags are mapped to them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n expense(s) held or failed: nothing was lost, but not in the ledger yet.</source>
        <translation>
            <numerusform>%n expense held or failed: nothing was lost, but not in the ledger yet.</numerusform>
            <numerusform>%n expenses held or failed: nothing was lost, but not in the ledger yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) need attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</source>
        <translation>
            <numerusform>%n expense needs attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</numerusform>
            <numerusform>%n expenses need attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message numerus="yes">
        <source>%n more attachment(s)</source>
        <translation>
            <numerusform>%n more attachment</numerusform>
            <numerusform>%n more attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message numerus="yes">
        <source>Each day is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Each day is synced %n day after it ends; the first, {day}, on {due}.</numerusform>
            <numerusform>Each day is synced %n days after it ends; the first, {day}, on {due}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each month is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Each month is synced %n day after it ends; the first, {day}, on {due}.</numerusform>
            <numerusform>Each month is synced %n days after it ends; the first, {day}, on {due}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message numerus="yes">
        <source>%n category(-ies)</source>
        <translation>
            <numerusform>%n category</numerusform>
            <numerusform>%n categories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VAT code(s)</source>
        <translation>
            <numerusform>%n VAT code</numerusform>
            <numerusform>%n VAT codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag group(s)</source>
        <translation>
            <numerusform>%n tag group</numerusform>
            <numerusform>%n tag groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%n exported as {dimensions}</source>
        <translation>
            <numerusform>%n exported as {dimensions}</numerusform>
            <numerusform>%n exported as {dimensions}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message numerus="yes">
        <source>Create %n missing value(s) in {dimension}…</source>
        <translation>
            <numerusform>Create %n missing value in {dimension}…</numerusform>
            <numerusform>Create %n missing values in {dimension}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n tag group(s) can be exported as {dimensions}. Stop exporting another group first.</source>
        <translation>
            <numerusform>At most %n tag group can be exported as {dimensions}. Stop exporting another group first.</numerusform>
            <numerusform>At most %n tag groups can be exported as {dimensions}. Stop exporting another group first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{groups} of at most {max} tag groups exported as {dimensions}; %n tag(s) mapped.</source>
        <translation>
            <numerusform>{groups} of at most {max} tag groups exported as {dimensions}; %n tag mapped.</numerusform>
            <numerusform>{groups} of at most {max} tag groups exported as {dimensions}; %n tags mapped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <source>pleodesk: %n expense(s) need attention</source>
        <translation>
            <numerusform>pleodesk: %n expense needs attention</numerusform>
            <numerusform>pleodesk: %n expenses need attention</numerusform>
        </translation>
    </message>
</context>
</TS>
