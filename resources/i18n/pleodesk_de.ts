<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Bank account and journals</source>
        <translation>Bankkonto und Journale</translation>
    </message>
    <message>
        <source>Accounts to create by hand</source>
        <translation>Selbst anzulegende Konten</translation>
    </message>
    <message>
        <source>Read the &amp;chart again</source>
        <translation>&amp;Kontenplan erneut lesen</translation>
    </message>
    <message>
        <source>Read the chart of accounts again</source>
        <translation>Den Kontenplan erneut lesen</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>Journale</translation>
    </message>
    <message>
        <source>Each expense is booked against one of these: card expenses against the Pleo wallet, expenses employees paid themselves against what the company owes them.</source>
        <translation>Jede Ausgabe wird gegen eines dieser Konten gebucht: Kartenzahlungen gegen das Pleo-Wallet, von Mitarbeitenden ausgelegte Beträge gegen das, was das Unternehmen ihnen schuldet.</translation>
    </message>
    <message>
        <source>Reading the chart of accounts…</source>
        <translation>Kontenplan wird gelesen…</translation>
    </message>
    <message>
        <source>&amp;Read the journals again</source>
        <translation>Journale erneut &amp;lesen</translation>
    </message>
    <message>
        <source>The journals could not be read: {error}</source>
        <translation>Die Journale konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in the ledger.</source>
        <translation>
            <numerusform>%n Konto in der Buchhaltung.</numerusform>
            <numerusform>%n Konten in der Buchhaltung.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chart of accounts could not be read: {error}</source>
        <translation>Der Kontenplan konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Created {code} {name}.</source>
        <translation>{code} {name} angelegt.</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Each Pleo category goes to a ledger account, with a tax code when Pleo sends none. Expenses in a category that is not mapped wait until it is; nothing is lost.</source>
        <translation>Jede Pleo-Kategorie geht auf ein Sachkonto, mit einem Steuerschlüssel, wenn Pleo keinen mitschickt. Ausgaben in einer nicht zugeordneten Kategorie warten, bis sie zugeordnet ist; nichts geht verloren.</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Kategorien</translation>
    </message>
    <message>
        <source>&amp;VAT codes</source>
        <translation>&amp;Steuerschlüssel</translation>
    </message>
    <message>
        <source>Create a 0 % purchase &amp;tax in the ledger</source>
        <translation>Einen &amp;Vorsteuersatz von 0 % in der Buchhaltung anlegen</translation>
    </message>
    <message>
        <source>For Pleo&apos;s 0 % VAT codes: the ledger has no purchase tax of 0 %. pleodesk creates one and maps them to it.</source>
        <translation>Für Pleos Steuerschlüssel mit 0 %: Die Buchhaltung hat keinen Vorsteuersatz von 0 %. pleodesk legt einen an und ordnet sie ihm zu.</translation>
    </message>
    <message>
        <source>Creating the 0 % purchase tax in the ledger…</source>
        <translation>Der Vorsteuersatz von 0 % wird in der Buchhaltung angelegt…</translation>
    </message>
    <message>
        <source>Created the tax {code} in the ledger; Pleo&apos;s {keys} now go to it.</source>
        <translation>Der Steuersatz {code} wurde in der Buchhaltung angelegt; Pleos {keys} gehen jetzt darauf.</translation>
    </message>
    <message>
        <source>Reading Pleo&apos;s categories and the ledger&apos;s accounts…</source>
        <translation>Pleo-Kategorien und Sachkonten werden gelesen…</translation>
    </message>
    <message>
        <source>Pleo category</source>
        <translation>Pleo-Kategorie</translation>
    </message>
    <message>
        <source>Name shown to employees</source>
        <translation>Name für Mitarbeitende</translation>
    </message>
    <message>
        <source>Could not read the categories: {error}</source>
        <translation>Die Kategorien konnten nicht gelesen werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} categories not mapped yet; their expenses will be held until they are.</source>
        <translation>
            <numerusform>%n von {total} Kategorien noch nicht zugeordnet; ihre Ausgaben werden bis dahin zurückgehalten.</numerusform>
            <numerusform>%n von {total} Kategorien noch nicht zugeordnet; ihre Ausgaben werden bis dahin zurückgehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>All {total} categories are mapped.</source>
        <translation>Alle {total} Kategorien sind zugeordnet.</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <source>Search categories or accounts</source>
        <translation>Kategorien oder Konten suchen</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>Kategorien suchen</translation>
    </message>
    <message>
        <source>Only &amp;unmapped</source>
        <translation>Nur &amp;nicht zugeordnete</translation>
    </message>
    <message>
        <source>&amp;Match automatically</source>
        <translation>&amp;Automatisch zuordnen</translation>
    </message>
    <message>
        <source>Map every unmapped category to the ledger account with the same code or name, among the accounts of a type that can take it.</source>
        <translation>Ordnet jede nicht zugeordnete Kategorie dem Konto mit gleichem Code oder Namen zu, unter den Konten einer Art, die sie aufnehmen kann.</translation>
    </message>
    <message>
        <source>Mapped and unmapped categories</source>
        <translation>Zugeordnete und nicht zugeordnete Kategorien</translation>
    </message>
    <message>
        <source>Pleo category</source>
        <translation>Pleo-Kategorie</translation>
    </message>
    <message>
        <source>Name shown to employees</source>
        <translation>Name für Mitarbeitende</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Sachkonto</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Steuerschlüssel</translation>
    </message>
    <message>
        <source>Categories and their ledger accounts</source>
        <translation>Kategorien und ihre Sachkonten</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— nicht zugeordnet —</translation>
    </message>
    <message>
        <source>— as Pleo sends it —</source>
        <translation>— wie von Pleo geliefert —</translation>
    </message>
    <message>
        <source>Matched automatically: check the account.</source>
        <translation>Automatisch zugeordnet: Prüfen Sie das Konto.</translation>
    </message>
    <message>
        <source>Ledger account for {category}</source>
        <translation>Sachkonto für {category}</translation>
    </message>
    <message>
        <source>Tax code for {category}</source>
        <translation>Steuerschlüssel für {category}</translation>
    </message>
    <message numerus="yes">
        <source>%n mapping(s) added automatically</source>
        <translation>
            <numerusform>%n Zuordnung automatisch hinzugefügt</numerusform>
            <numerusform>%n Zuordnungen automatisch hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched automatically (highlighted): check them</source>
        <translation>
            <numerusform>%n automatisch zugeordnet (hervorgehoben): bitte prüfen</numerusform>
            <numerusform>%n automatisch zugeordnet (hervorgehoben): bitte prüfen</numerusform>
        </translation>
    </message>
    <message>
        <source>{mapped} mapped · {unmapped} unmapped</source>
        <translation>{mapped} zugeordnet · {unmapped} nicht zugeordnet</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect the journal file</source>
        <translation>Journaldatei verbinden</translation>
    </message>
    <message>
        <source>pleodesk writes each expense as a balanced entry to journal.csv in a folder you choose, with its receipts in a receipts folder beside it. Your bookkeeping software imports the file.</source>
        <translation>pleodesk schreibt jede Ausgabe als ausgeglichene Buchung in journal.csv in einem Ordner Ihrer Wahl, die Belege daneben im Ordner receipts. Ihre Buchhaltungssoftware importiert die Datei.</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Ordner für das Journal</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the journal folder</source>
        <translation>Ordner für das Journal wählen</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Which accounts may entries use?</source>
        <translation>Welche Konten dürfen die Buchungen verwenden?</translation>
    </message>
    <message>
        <source>The accounts, VAT codes and tag groups &amp;Pleo already has (recommended)</source>
        <translation>Die Konten, Steuerschlüssel und Label-Gruppen, die &amp;Pleo schon kennt (empfohlen)</translation>
    </message>
    <message>
        <source>A chart of accounts &amp;exported from my ledger (CSV: code;name;type)</source>
        <translation>Einen aus meiner Buchhaltung &amp;exportierten Kontenplan (CSV: Code;Name;Typ)</translation>
    </message>
    <message>
        <source>Chart of accounts file</source>
        <translation>Kontenplan-Datei</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>Missing accounts (such as the Pleo bank account) can be created on the next page.</source>
        <translation>Fehlende Konten (etwa das Pleo-Bankkonto) können Sie auf der nächsten Seite anlegen.</translation>
    </message>
    <message>
        <source>Folder for the journal</source>
        <translation>Ordner für das Journal</translation>
    </message>
    <message>
        <source>FEC file for a French ledger</source>
        <translation>FEC-Datei für eine französische Buchhaltung</translation>
    </message>
    <message>
        <source>Each export writes an FEC (fichier des écritures comptables, LPF art. A47 A-1) in a folder of its own, with the receipts beside it; your ledger imports it.</source>
        <translation>Jeder Export schreibt eine FEC (fichier des écritures comptables, LPF Art. A47 A-1) in einen eigenen Ordner, mit den Belegen daneben; Ihre Buchhaltung importiert sie.</translation>
    </message>
    <message>
        <source>FEC folder</source>
        <translation>FEC-Ordner</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>&amp;SIREN:</source>
        <translation>&amp;SIREN:</translation>
    </message>
    <message>
        <source>Ledger that imports the file</source>
        <translation>Buchhaltung, die die Datei importiert</translation>
    </message>
    <message>
        <source>&amp;Ledger:</source>
        <translation>&amp;Buchhaltung:</translation>
    </message>
    <message>
        <source>Journal code</source>
        <translation>Journalcode</translation>
    </message>
    <message>
        <source>&amp;Journal code:</source>
        <translation>&amp;Journalcode:</translation>
    </message>
    <message>
        <source>Last day of the fiscal year (MM-DD)</source>
        <translation>Letzter Tag des Geschäftsjahres (MM-TT)</translation>
    </message>
    <message>
        <source>Fiscal year &amp;ends (MM-DD):</source>
        <translation>Geschäftsjahr &amp;endet (MM-TT):</translation>
    </message>
    <message>
        <source>How should expenses be booked?</source>
        <translation>Wie sollen Ausgaben gebucht werden?</translation>
    </message>
    <message>
        <source>Accounts and VAT codes from &amp;Pleo (its categories carry the accounts)</source>
        <translation>Konten und USt-Codes aus &amp;Pleo (seine Kategorien tragen die Konten)</translation>
    </message>
    <message>
        <source>A chart of accounts &amp;exported from the ledger (CSV: numéro;libellé;type)</source>
        <translation>Ein aus der Buchhaltung &amp;exportierter Kontenplan (CSV: numéro;libellé;type)</translation>
    </message>
    <message>
        <source>Choose f&amp;ile…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>Folder for the FEC files</source>
        <translation>Ordner für die FEC-Dateien</translation>
    </message>
    <message>
        <source>Chart of accounts</source>
        <translation>Kontenplan</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>How {ledger} imports the files:</source>
        <translation>So importiert {ledger} die Dateien:</translation>
    </message>
    <message>
        <source>The folder will be created.</source>
        <translation>Der Ordner wird angelegt.</translation>
    </message>
    <message>
        <source>pleodesk can write here.</source>
        <translation>pleodesk kann hier schreiben.</translation>
    </message>
    <message>
        <source>Checking the folder and reading the chart of accounts…</source>
        <translation>Ordner wird geprüft und Kontenplan gelesen…</translation>
    </message>
    <message>
        <source>Ready: {accounts} accounts, {taxes} VAT codes, {dims} dimensions.</source>
        <translation>Bereit: {accounts} Konten, {taxes} Steuerschlüssel, {dims} Dimensionen.</translation>
    </message>
    <message>
        <source>Connect Odoo</source>
        <translation>Odoo verbinden</translation>
    </message>
    <message>
        <source>pleodesk books each expense in Odoo through its API, with an API key of a user who is an Accountant or Adviser and has the Settings right.</source>
        <translation>pleodesk bucht jede Ausgabe über die API in Odoo, mit dem API-Schlüssel eines Benutzers, der Buchhalter oder Berater ist und das Recht Einstellungen hat.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Odoo address</source>
        <translation>Odoo-Adresse</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Odoo database</source>
        <translation>Odoo-Datenbank</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>Odoo login</source>
        <translation>Odoo-Anmeldename</translation>
    </message>
    <message numerus="yes">
        <source>This user may book in %n company(-ies): choose the one for this connection, then press Next.</source>
        <translation>
            <numerusform>Dieser Benutzer darf in %n Unternehmen buchen: Wählen Sie es für diese Verbindung und klicken Sie dann auf Weiter.</numerusform>
            <numerusform>Dieser Benutzer darf in %n Unternehmen buchen: Wählen Sie das für diese Verbindung und klicken Sie dann auf Weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect Lexware Office</source>
        <translation>Lexware Office verbinden</translation>
    </message>
    <message>
        <source>pleodesk books every Pleo expense as a voucher (Beleg) in Lexware Office, with its receipts, through Lexware&apos;s public API.</source>
        <translation>pleodesk bucht jede Pleo-Ausgabe als Beleg in Lexware Office, mit ihren Belegdateien, über die öffentliche API von Lexware.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you start:&lt;/b&gt; Lexware Office does not take reimbursements (Privatauslagen). Out-of-pocket expenses, mileage, per diems and reimbursement payouts are not exported: pleodesk skips them, shows why, and tells Pleo they cannot be exported. Wallet top-ups and unloads are not exported either; add them by hand in Lexware Office.</source>
        <translation>&lt;b&gt;Bevor Sie loslegen:&lt;/b&gt; Lexware Office ist nicht mit Privatauslagen kompatibel. Privatauslagen, Kilometergeld, Verpflegungspauschalen und Erstattungen werden nicht exportiert: pleodesk überspringt sie, sagt warum und meldet Pleo, dass sie nicht exportiert werden können. Auch Wallet-Aufladungen und -Abhebungen werden nicht exportiert; erfassen Sie sie in Lexware Office von Hand.</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Bevor Sie loslegen</translation>
    </message>
    <message>
        <source>&amp;Connect with Lexware Office (Zugriff erlauben)…</source>
        <translation>Mit Lexware Office &amp;verbinden (Zugriff erlauben)…</translation>
    </message>
    <message>
        <source>Opens Lexware Office in your browser: sign in and allow pleodesk access. pleodesk then creates the Pleo bank account and sends its card lines.</source>
        <translation>Öffnet Lexware Office in Ihrem Browser: Melden Sie sich an und erlauben Sie pleodesk den Zugriff. pleodesk legt dann das Pleo-Bankkonto an und sendet die Kartenumsätze.</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Warten beenden</translation>
    </message>
    <message>
        <source>Or connect with an API key:</source>
        <translation>Oder mit einem API-Schlüssel verbinden:</translation>
    </message>
    <message>
        <source>Lexware Office API key</source>
        <translation>API-Schlüssel von Lexware Office</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Check the API key with Lexware Office</source>
        <translation>Den API-Schlüssel bei Lexware Office prüfen</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Lexware Office</source>
        <translation>Lexware Office der De&amp;mofirma verwenden</translation>
    </message>
    <message>
        <source>Book into a Lexware Office emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>In ein auf diesem Computer nachgebildetes Lexware Office buchen, um pleodesk mit der Demofirma auszuprobieren.</translation>
    </message>
    <message>
        <source>The key: in Lexware Office open Add-ons &gt; Public API (app.lexware.de/addons/public-api), create a key that may use vouchers, contacts, files, posting categories and the profile, and paste it here. A key is valid for 24 months; the company&apos;s plan must include the Public API.</source>
        <translation>Der Schlüssel: Öffnen Sie in Lexware Office Add-ons &gt; Public API (app.lexware.de/addons/public-api), erstellen Sie einen Schlüssel mit Zugriff auf Belege, Kontakte, Dateien, Buchungskategorien und das Profil und fügen Sie ihn hier ein. Ein Schlüssel gilt 24 Monate; der Tarif der Firma muss die Public API enthalten.</translation>
    </message>
    <message>
        <source>Waiting for Lexware Office in your browser… Sign in and press Zugriff erlauben.</source>
        <translation>Warten auf Lexware Office in Ihrem Browser… Melden Sie sich an und klicken Sie auf Zugriff erlauben.</translation>
    </message>
    <message>
        <source>Not connected: the sign-in was stopped.</source>
        <translation>Nicht verbunden: die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Checking the key with Lexware Office…</source>
        <translation>Der Schlüssel wird bei Lexware Office geprüft…</translation>
    </message>
    <message>
        <source>Odoo API key</source>
        <translation>Odoo-API-Schlüssel</translation>
    </message>
    <message>
        <source>Odoo company</source>
        <translation>Odoo-Unternehmen</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Unternehmen:</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check the connection to Odoo</source>
        <translation>Die Verbindung zu Odoo prüfen</translation>
    </message>
    <message>
        <source>Check the address, database, login and key, and report Odoo&apos;s version, the user&apos;s rights and missing apps, and the companies.</source>
        <translation>Prüft Adresse, Datenbank, Login und Schlüssel und meldet die Odoo-Version, die Rechte des Benutzers, fehlende Apps und die Unternehmen.</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Odoo</source>
        <translation>Odoo des De&amp;mo-Unternehmens verwenden</translation>
    </message>
    <message>
        <source>Book into an Odoo emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>In ein auf diesem Computer nachgebildetes Odoo buchen, um pleodesk mit dem Demo-Unternehmen auszuprobieren.</translation>
    </message>
    <message>
        <source>Address: copy it from the browser, up to .com (or your own domain). Database: in Odoo, user menu &gt; My Databases; or, in developer mode, under the user icon; or right-click a page, Inspect, search for db and copy the word in quotes after it. API key: your profile &gt; Account Security &gt; New API Key. The Employees app must be installed.</source>
        <translation>Adresse: aus dem Browser kopieren, bis einschließlich .com (oder Ihrer eigenen Domain). Datenbank: in Odoo im Benutzermenü &gt; Meine Datenbanken; oder im Entwicklermodus unter dem Benutzersymbol; oder Rechtsklick auf eine Seite, Untersuchen, nach db suchen und das Wort in Anführungszeichen danach kopieren. API-Schlüssel: Ihr Profil &gt; Kontosicherheit &gt; Neuer API-Schlüssel. Die App Mitarbeiter muss installiert sein.</translation>
    </message>
    <message>
        <source>(stored; type a new key to replace it)</source>
        <translation>(gespeichert; neuen Schlüssel eingeben, um ihn zu ersetzen)</translation>
    </message>
    <message>
        <source>{version} accepted the login {login} and its API key. The user has the rights pleodesk needs (Accountant or Adviser, and Settings); the Invoicing and Employees apps are installed.</source>
        <translation>{version} hat das Login {login} und seinen API-Schlüssel akzeptiert. Der Benutzer hat die Rechte, die pleodesk braucht (Accountant oder Adviser sowie Settings); die Apps Rechnungsstellung und Mitarbeiter sind installiert.</translation>
    </message>
    <message>
        <source>Company {company} (of {n} this user may book in): {accounts} accounts, {taxes} purchase taxes, {plans} analytic plans.</source>
        <translation>Unternehmen {company} (von {n}, in denen dieser Benutzer buchen darf): {accounts} Konten, {taxes} Einkaufssteuern, {plans} Analysepläne.</translation>
    </message>
    <message>
        <source>Checking Odoo…</source>
        <translation>Odoo wird geprüft…</translation>
    </message>
    <message>
        <source>Connected to {version}, company {company}: {accounts} accounts, {taxes} purchase taxes, {plans} analytic plans.</source>
        <translation>Verbunden mit {version}, Unternehmen {company}: {accounts} Konten, {taxes} Vorsteuerschlüssel, {plans} Analysepläne.</translation>
    </message>
    <message>
        <source>Connect Xero</source>
        <translation>Xero verbinden</translation>
    </message>
    <message>
        <source>pleodesk signs in to Xero in your browser; Xero asks which organisation pleodesk may book into. Nothing is stored but a sign-in token, in this computer&apos;s keyring.</source>
        <translation>pleodesk meldet sich in Ihrem Browser bei Xero an; Xero fragt, in welche Organisation pleodesk buchen darf. Gespeichert wird nur ein Anmelde-Token, im Schlüsselbund dieses Computers.</translation>
    </message>
    <message>
        <source>the client id of your Xero app</source>
        <translation>die Client-ID Ihrer Xero-App</translation>
    </message>
    <message>
        <source>Xero app &amp;client id:</source>
        <translation>&amp;Client-ID der Xero-App:</translation>
    </message>
    <message>
        <source>Connect QuickBooks Online</source>
        <translation>QuickBooks Online verbinden</translation>
    </message>
    <message>
        <source>Sign in to Intuit in your browser, allow pleodesk and choose the company. pleodesk then finds or creates the Pleo bank account, as Pleo&apos;s help article describes.</source>
        <translation>Melden Sie sich im Browser bei Intuit an, erlauben Sie pleodesk den Zugriff und wählen Sie das Unternehmen. pleodesk findet oder erstellt dann das Pleo-Bankkonto, wie es der Hilfeartikel von Pleo beschreibt.</translation>
    </message>
    <message>
        <source>1. Connect QuickBooks and pleodesk</source>
        <translation>1. QuickBooks und pleodesk verbinden</translation>
    </message>
    <message>
        <source>&amp;Connect to QuickBooks…</source>
        <translation>Mit QuickBooks &amp;verbinden…</translation>
    </message>
    <message>
        <source>Sign in to QuickBooks in the browser</source>
        <translation>Im Browser bei QuickBooks anmelden</translation>
    </message>
    <message>
        <source>Stop &amp;waiting</source>
        <translation>&amp;Warten beenden</translation>
    </message>
    <message>
        <source>Stop waiting for the QuickBooks sign-in</source>
        <translation>Nicht mehr auf die QuickBooks-Anmeldung warten</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s QuickBooks</source>
        <translation>QuickBooks des De&amp;mo-Unternehmens verwenden</translation>
    </message>
    <message>
        <source>Sign in to a QuickBooks company emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Bei einem auf diesem Computer nachgebildeten QuickBooks-Unternehmen anmelden, um pleodesk mit dem Demo-Unternehmen auszuprobieren.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Noch nicht verbunden.</translation>
    </message>
    <message>
        <source>QuickBooks company</source>
        <translation>QuickBooks-Unternehmen</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Unternehmen:</translation>
    </message>
    <message>
        <source>The answer the QuickBooks page shows</source>
        <translation>Die Antwort, die die QuickBooks-Seite anzeigt</translation>
    </message>
    <message>
        <source>&amp;Use it</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>P&amp;aste the answer:</source>
        <translation>Antwort &amp;einfügen:</translation>
    </message>
    <message>
        <source>Advanced: your own Intuit app</source>
        <translation>Erweitert: Ihre eigene Intuit-App</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Intuit app client id</source>
        <translation>Client-ID der Intuit-App</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <source>Intuit app client secret</source>
        <translation>Client-Secret der Intuit-App</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>Weiter&amp;leitungs-URI:</translation>
    </message>
    <message>
        <source>Intuit app redirect URI</source>
        <translation>Weiterleitungs-URI der Intuit-App</translation>
    </message>
    <message>
        <source>2. The Pleo bank account (used for Pleo expenses only)</source>
        <translation>2. Das Pleo-Bankkonto (nur für Pleo-Ausgaben)</translation>
    </message>
    <message>
        <source>The company uses Pleo &amp;Pocket: a bank account for Pocket expenses too</source>
        <translation>Das Unternehmen nutzt Pleo &amp;Pocket: auch ein Bankkonto für Pocket-Ausgaben</translation>
    </message>
    <message>
        <source>The Pleo Pocket bank account</source>
        <translation>Das Pleo-Pocket-Bankkonto</translation>
    </message>
    <message>
        <source>pleodesk finds these accounts in QuickBooks&apos; chart of accounts by name, or creates them as bank accounts (in France with the journal code chosen here).</source>
        <translation>pleodesk findet diese Konten anhand ihres Namens im Kontenplan von QuickBooks oder legt sie als Bankkonten an (in Frankreich mit dem hier gewählten Journalcode).</translation>
    </message>
    <message>
        <source>Connected to {name}. Connect again only to renew the connection.</source>
        <translation>Mit {name} verbunden. Verbinden Sie sich nur erneut, um die Verbindung zu erneuern.</translation>
    </message>
    <message>
        <source>Waiting for QuickBooks in your browser… Sign in there, allow pleodesk and choose the company. If the browser shows a line to copy, paste it below.</source>
        <translation>Warten auf QuickBooks im Browser… Melden Sie sich dort an, erlauben Sie pleodesk den Zugriff und wählen Sie das Unternehmen. Zeigt der Browser eine Zeile zum Kopieren, fügen Sie sie unten ein.</translation>
    </message>
    <message>
        <source>You signed in to {name}, but this connection books into {other}. Connect again and choose that company.</source>
        <translation>Sie haben sich bei {name} angemeldet, aber diese Verbindung bucht in {other}. Verbinden Sie sich erneut und wählen Sie dieses Unternehmen.</translation>
    </message>
    <message>
        <source>Signed in to {name}. Check the Pleo bank account below, then press Next.</source>
        <translation>Bei {name} angemeldet. Prüfen Sie unten das Pleo-Bankkonto und klicken Sie dann auf Weiter.</translation>
    </message>
    <message>
        <source>Stopped waiting for QuickBooks. Press Connect to QuickBooks to try again.</source>
        <translation>Warten auf QuickBooks beendet. Klicken Sie auf Mit QuickBooks verbinden, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>That is not the answer of this sign-in: copy the whole line the QuickBooks page shows.</source>
        <translation>Das ist nicht die Antwort dieser Anmeldung: Kopieren Sie die ganze Zeile, die die QuickBooks-Seite anzeigt.</translation>
    </message>
    <message>
        <source>Setting up the Pleo bank account in QuickBooks…</source>
        <translation>Das Pleo-Bankkonto in QuickBooks wird eingerichtet…</translation>
    </message>
    <message>
        <source>Connected to {name}: {accounts} accounts, {taxes} VAT codes for purchases; Pleo bank account {bank}.</source>
        <translation>Mit {name} verbunden: {accounts} Konten, {taxes} USt-Codes für Einkäufe; Pleo-Bankkonto {bank}.</translation>
    </message>
    <message>
        <source>Stop waiting for the Xero sign-in</source>
        <translation>Warten auf die Xero-Anmeldung beenden</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Xero</source>
        <translation>Xero des De&amp;mo-Unternehmens verwenden</translation>
    </message>
    <message>
        <source>Sign in to a Xero organisation emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Bei einer auf diesem Computer nachgebildeten Xero-Organisation anmelden, um pleodesk mit dem Demo-Unternehmen auszuprobieren.</translation>
    </message>
    <message>
        <source>Xero organisation</source>
        <translation>Xero-Organisation</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Connect to Xero…</source>
        <translation>Mit Xero &amp;verbinden…</translation>
    </message>
    <message>
        <source>Connect to Xero: sign in in the browser and allow pleodesk</source>
        <translation>Mit Xero verbinden: im Browser anmelden und pleodesk zulassen</translation>
    </message>
    <message>
        <source>Opens Xero in your browser: sign in, choose the organisation and allow pleodesk.</source>
        <translation>Öffnet Xero in Ihrem Browser: Melden Sie sich an, wählen Sie die Organisation und lassen Sie pleodesk zu.</translation>
    </message>
    <message>
        <source>&amp;Advanced: your own Xero app</source>
        <translation>&amp;Erweitert: Ihre eigene Xero-App</translation>
    </message>
    <message>
        <source>Client id of your own Xero app</source>
        <translation>Client-ID Ihrer eigenen Xero-App</translation>
    </message>
    <message>
        <source>Only needed for a Xero app of your own: at developer.xero.com &gt; My Apps, create an app of type &quot;Auth code with PKCE&quot; (mobile or desktop app) and register the redirect URIs http://localhost:53682/callback, http://localhost:53683/callback and http://localhost:53684/callback.</source>
        <translation>Nur für eine eigene Xero-App nötig: Legen Sie unter developer.xero.com &gt; My Apps eine App vom Typ „Auth code with PKCE“ (Mobil- oder Desktop-App) an und registrieren Sie die Redirect-URIs http://localhost:53682/callback, http://localhost:53683/callback und http://localhost:53684/callback.</translation>
    </message>
    <message>
        <source>Connected to {name}. Sign in again only to renew the connection.</source>
        <translation>Verbunden mit {name}. Melden Sie sich nur erneut an, um die Verbindung zu erneuern.</translation>
    </message>
    <message>
        <source>This copy of pleodesk has no Xero app built in: enter the client id of your own Xero app under Advanced, then press Connect to Xero.</source>
        <translation>In diese Kopie von pleodesk ist keine Xero-App eingebaut: Geben Sie unter Erweitert die Client-ID Ihrer eigenen Xero-App ein und klicken Sie dann auf Mit Xero verbinden.</translation>
    </message>
    <message>
        <source>Waiting for Xero in your browser… Sign in there and choose the organisation, or press Stop waiting.</source>
        <translation>Warten auf Xero in Ihrem Browser… Melden Sie sich dort an und wählen Sie die Organisation, oder drücken Sie Warten beenden.</translation>
    </message>
    <message>
        <source>no organisation</source>
        <translation>keine Organisation</translation>
    </message>
    <message>
        <source>You signed in to {names}, but this connection books into {name}. Sign in again and choose that organisation.</source>
        <translation>Sie sind bei {names} angemeldet, aber diese Verbindung bucht in {name}. Melden Sie sich erneut an und wählen Sie diese Organisation.</translation>
    </message>
    <message>
        <source>Choose the organisation this connection books into.</source>
        <translation>Wählen Sie die Organisation, in die diese Verbindung bucht.</translation>
    </message>
    <message>
        <source>Signed in to {name}.</source>
        <translation>Bei {name} angemeldet.</translation>
    </message>
    <message>
        <source>Stopped waiting for Xero. Press Connect to Xero to try again.</source>
        <translation>Warten auf Xero beendet. Klicken Sie auf Mit Xero verbinden, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Setting up the Pleo accounts in Xero…</source>
        <translation>Die Pleo-Konten werden in Xero eingerichtet…</translation>
    </message>
    <message>
        <source>Connected to {name}. Choose the accounts on the next page.</source>
        <translation>Mit {name} verbunden. Wählen Sie die Konten auf der nächsten Seite.</translation>
    </message>
    <message>
        <source>Connected to {name}: {accounts} accounts, {taxes} tax rates for expenses, {dims} tracking categories; Pleo bank account {bank}.</source>
        <translation>Verbunden mit {name}: {accounts} Konten, {taxes} Steuersätze für Ausgaben, {dims} Tracking-Kategorien; Pleo-Bankkonto {bank}.</translation>
    </message>
    <message>
        <source>Connect Pennylane</source>
        <translation>Pennylane verbinden</translation>
    </message>
    <message>
        <source>pleodesk books into Pennylane with your company&apos;s own API token: it needs no partner agreement.</source>
        <translation>pleodesk bucht in Pennylane mit dem eigenen API-Token Ihres Unternehmens: dafür ist keine Partnervereinbarung nötig.</translation>
    </message>
    <message>
        <source>Pennylane API token</source>
        <translation>Pennylane-API-Token</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Check the token with Pennylane</source>
        <translation>Das Token bei Pennylane prüfen</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Pennylane</source>
        <translation>Pennylane der De&amp;mofirma verwenden</translation>
    </message>
    <message>
        <source>Book into a Pennylane emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>In ein auf diesem Computer nachgebildetes Pennylane buchen, um pleodesk mit der Demofirma auszuprobieren.</translation>
    </message>
    <message>
        <source>Make the token in Pennylane under Settings &gt; Connectivity &gt; Developers (an administrator, on the Essential plan or higher). Give it these permissions: journals, ledger accounts, ledger entries and file attachments (read and write); for analytics and the check of closed fiscal years also categories and fiscal years (read). Pennylane shows the token once: paste it here.</source>
        <translation>Erstellen Sie das Token in Pennylane unter Paramètres &gt; Connectivité &gt; Développeurs (als Administrator, ab dem Essential-Tarif). Geben Sie ihm diese Rechte: Journale, Konten, Buchungen und Dateianhänge (lesen und schreiben); für Analytik und die Prüfung abgeschlossener Geschäftsjahre auch Kategorien und Geschäftsjahre (lesen). Pennylane zeigt das Token nur einmal: fügen Sie es hier ein.</translation>
    </message>
    <message>
        <source>A summary entry has one line per account, VAT rate and analytic value, balanced against the Pleo bank account, and is made once its day or month has ended; receipts are only attached to entries of one expense.</source>
        <translation>Eine Sammelbuchung hat eine Zeile je Konto, Steuersatz und Analysewert, ausgeglichen gegen das Pleo-Bankkonto, und wird erst nach Ende ihres Tages oder Monats gebucht; Belege werden nur an Buchungen einer einzelnen Ausgabe angehängt.</translation>
    </message>
    <message>
        <source>(stored; paste a new token to replace it)</source>
        <translation>(gespeichert; fügen Sie ein neues Token ein, um es zu ersetzen)</translation>
    </message>
    <message>
        <source>Pennylane accepted the token of {company} (SIREN {siren}): {accounts} ledger accounts, {groups} analytic category groups.</source>
        <translation>Pennylane hat das Token von {company} angenommen (SIREN {siren}): {accounts} Sachkonten, {groups} Gruppen analytischer Kategorien.</translation>
    </message>
    <message>
        <source>Without the permissions {scopes} pleodesk sets no analytics and leaves the check of closed fiscal years to Pennylane.</source>
        <translation>Ohne die Rechte {scopes} setzt pleodesk keine Analytik und überlässt die Prüfung abgeschlossener Geschäftsjahre Pennylane.</translation>
    </message>
    <message>
        <source>Checking the token with Pennylane…</source>
        <translation>Das Token wird bei Pennylane geprüft…</translation>
    </message>
</context>
<context>
    <name>ContraEditor</name>
    <message>
        <source>— choose one —</source>
        <translation>— bitte wählen —</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— nicht verwendet —</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Anlegen…</translation>
    </message>
    <message>
        <source>Create an account for: {role}</source>
        <translation>Konto anlegen für: {role}</translation>
    </message>
    <message>
        <source>— hold them until categorised —</source>
        <translation>— zurückhalten, bis sie eine Kategorie haben —</translation>
    </message>
    <message>
        <source>Account for expenses without a category</source>
        <translation>Konto für Ausgaben ohne Kategorie</translation>
    </message>
    <message>
        <source>Expenses &amp;without a category:</source>
        <translation>Ausgaben &amp;ohne Kategorie:</translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>Create an account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Pleo wallet</source>
        <translation>Pleo-Wallet</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses payable</source>
        <translation>Verbindlichkeiten aus Auslagen</translation>
    </message>
    <message>
        <source>Reimbursements contra account</source>
        <translation>Gegenkonto Erstattungen</translation>
    </message>
    <message>
        <source>Accounts payable</source>
        <translation>Verbindlichkeiten aus Lieferungen und Leistungen</translation>
    </message>
    <message>
        <source>Uncategorised expenses</source>
        <translation>Nicht kategorisierte Ausgaben</translation>
    </message>
    <message>
        <source>New {account} for: {role}</source>
        <translation>Neues {account} für: {role}</translation>
    </message>
    <message>
        <source>Account code</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontobezeichnung</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
</context>
<context>
    <name>DataFolderBox</name>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>Alles behalten</translation>
    </message>
    <message>
        <source>Keep Pleo&apos;s data and receipts of exported expenses for</source>
        <translation>Pleo-Daten und Belege exportierter Ausgaben aufbewahren für</translation>
    </message>
    <message>
        <source>&amp;Keep Pleo&apos;s data and receipts of exported expenses for:</source>
        <translation>Pleo-Daten und Belege exportierter Ausgaben aufbe&amp;wahren für:</translation>
    </message>
    <message>
        <source>After that, pleodesk removes its own copy of Pleo&apos;s data and the receipts it downloaded for expenses the ledger has confirmed; they stay listed under Expenses. The ledger is the record: keep it as long as the law asks (often 5 to 10 years). Held, failed and waiting expenses are never removed, and a deleted connection&apos;s data goes with it.</source>
        <translation>Danach löscht pleodesk seine eigene Kopie der Pleo-Daten und die Belege, die es für von der Buchhaltung bestätigte Ausgaben heruntergeladen hat; sie bleiben unter Ausgaben aufgeführt. Die Buchhaltung ist das maßgebliche Archiv: Bewahren Sie sie so lange auf, wie das Gesetz es verlangt (oft 5 bis 10 Jahre). Zurückgehaltene, fehlgeschlagene und ausstehende Ausgaben werden nie gelöscht, und die Daten einer gelöschten Verbindung gehen mit ihr.</translation>
    </message>
    <message>
        <source>Size of the data folder</source>
        <translation>Größe des Datenordners</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Clean &amp;up now</source>
        <translation>Jetzt a&amp;ufräumen</translation>
    </message>
    <message>
        <source>Clean-up result</source>
        <translation>Ergebnis des Aufräumens</translation>
    </message>
    <message>
        <source>{folder}: {total} (database {database}, receipts {receipts})</source>
        <translation>{folder}: {total} (Datenbank {database}, Belege {receipts})</translation>
    </message>
    <message>
        <source>Cleaning up…</source>
        <translation>Wird aufgeräumt…</translation>
    </message>
    <message>
        <source>Freed {size}.</source>
        <translation>{size} freigegeben.</translation>
    </message>
    <message>
        <source>The database itself is compacted at a later clean-up, when no export is running.</source>
        <translation>Die Datenbank selbst wird bei einem späteren Aufräumen verkleinert, wenn kein Export läuft.</translation>
    </message>
    <message>
        <source>Not cleaned up: {error}</source>
        <translation>Nicht aufgeräumt: {error}</translation>
    </message>
</context>
<context>
    <name>ExpensesModel</name>
    <message>
        <source>Date</source>
        <extracomment>The filter buttons: a label key -&gt; the record statuses it shows. The sort of ``load_expense_rows``&apos; order: by date, newest first.</extracomment>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeiter/in</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ledger reference</source>
        <translation>Buchungsreferenz</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>ExpensesTab</name>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>E&amp;xported</source>
        <translation>&amp;Exportiert</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>A&amp;usstehend</translation>
    </message>
    <message>
        <source>&amp;Held</source>
        <translation>&amp;Zurückgehalten</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>&amp;Fehlgeschlagen</translation>
    </message>
    <message>
        <source>S&amp;kipped</source>
        <translation>&amp;Übersprungen</translation>
    </message>
    <message>
        <source>Search supplier, employee, category, reference</source>
        <translation>Lieferant, Mitarbeiter/in, Kategorie, Referenz suchen</translation>
    </message>
    <message>
        <source>Search expenses</source>
        <translation>Ausgaben suchen</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Number of expenses shown</source>
        <translation>Anzahl angezeigter Ausgaben</translation>
    </message>
    <message>
        <source>Loading expenses…</source>
        <translation>Ausgaben werden geladen…</translation>
    </message>
    <message>
        <source>No expenses yet: they appear here once an export has read them from Pleo.</source>
        <translation>Noch keine Ausgaben: Sie erscheinen hier, sobald ein Export sie aus Pleo gelesen hat.</translation>
    </message>
    <message>
        <source>{shown} of {total} expenses</source>
        <translation>{shown} von {total} Ausgaben</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>Export a month</source>
        <extracomment>Entries listed under the result (all of them are in the Expenses tab).</extracomment>
        <translation>Einen Monat exportieren</translation>
    </message>
    <message>
        <source>Month to export</source>
        <translation>Zu exportierender Monat</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Monat:</translation>
    </message>
    <message>
        <source>&amp;Preview again</source>
        <translation>Vorschau &amp;aktualisieren</translation>
    </message>
    <message>
        <source>What will be exported</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Sachkonto</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Steuerschlüssel</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Totals per ledger account and tax code</source>
        <translation>Summen je Sachkonto und Steuerschlüssel</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Progress message</source>
        <translation>Fortschrittsmeldung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Exportergebnis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation>In der Buchhaltung</translation>
    </message>
    <message>
        <source>Entries created in the ledger</source>
        <translation>In der Buchhaltung angelegte Buchungen</translation>
    </message>
    <message>
        <source>E&amp;xport {month}</source>
        <translation>{month} e&amp;xportieren</translation>
    </message>
    <message>
        <source>Asking Pleo what {month} holds…</source>
        <translation>Pleo wird gefragt, was in {month} ansteht…</translation>
    </message>
    <message numerus="yes">
        <source>Asking Pleo what {month} holds… pleodesk has exported %n expense(s) of it so far.</source>
        <translation>
            <numerusform>Pleo wird gefragt, was in {month} ansteht… pleodesk hat davon bisher %n Ausgabe exportiert.</numerusform>
            <numerusform>Pleo wird gefragt, was in {month} ansteht… pleodesk hat davon bisher %n Ausgaben exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>Keine Vorschau: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Reading {month} from Pleo: %n expense(s) waiting for export so far, {total}…</source>
        <translation>
            <numerusform>{month} wird aus Pleo gelesen: bisher %n Ausgabe, die auf den Export wartet, {total}…</numerusform>
            <numerusform>{month} wird aus Pleo gelesen: bisher %n Ausgaben, die auf den Export warten, {total}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing of {month} is waiting for export in Pleo.</source>
        <translation>In Pleo wartet nichts aus {month} auf den Export.</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each expense&apos;s details.</source>
        <translation>
            <numerusform>%n Ausgabe erhielt eine USt-Rundungszeile: Die Buchhaltung berechnet die USt selbst und kam auf einen Cent mehr oder weniger als Pleo, daher steht dieser Cent in einer eigenen Zeile. Der Reiter Ausgaben zeigt sie in den Details der Ausgabe.</numerusform>
            <numerusform>%n Ausgaben erhielten eine USt-Rundungszeile: Die Buchhaltung berechnet die USt selbst und kam auf einen Cent mehr oder weniger als Pleo, daher steht dieser Cent in einer eigenen Zeile. Der Reiter Ausgaben zeigt sie in den Details jeder Ausgabe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in the ledger: {url}</source>
        <translation>In der Buchhaltung öffnen: {url}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all are in the Expenses tab)</source>
        <translation>
            <numerusform>… und %n weitere (alle im Reiter Ausgaben)</numerusform>
            <numerusform>… und %n weitere (alle im Reiter Ausgaben)</numerusform>
        </translation>
    </message>
    <message>
        <source>(not mapped: held)</source>
        <translation>(nicht zugeordnet: zurückgehalten)</translation>
    </message>
    <message>
        <source>as Pleo sends it</source>
        <translation>wie von Pleo geliefert</translation>
    </message>
    <message>
        <source>Will be held until mapped:</source>
        <translation>Wird bis zur Zuordnung zurückgehalten:</translation>
    </message>
    <message>
        <source>Waiting for the work already running to finish…</source>
        <translation>Wartet, bis die laufende Arbeit fertig ist…</translation>
    </message>
    <message>
        <source>Sends every settled expense of the month that is waiting for export in Pleo, by its booking date (the date Pleo shows). Expenses already in the ledger are never sent again.</source>
        <translation>Sendet jede abgerechnete Ausgabe des Monats, die in Pleo zum Export bereitsteht, nach Buchungsdatum (dem Datum, das Pleo anzeigt). Bereits gebuchte Ausgaben werden nie erneut gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) waiting for export</source>
        <translation>
            <numerusform>%n Ausgabe wartet auf den Export</numerusform>
            <numerusform>%n Ausgaben warten auf den Export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them already in the ledger</source>
        <translation>
            <numerusform>davon %n schon in der Buchhaltung</numerusform>
            <numerusform>davon %n schon in der Buchhaltung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Spend to be booked: {total} (%n expense(s)).</source>
        <translation>
            <numerusform>Zu buchende Ausgaben: {total} (%n Ausgabe).</numerusform>
            <numerusform>Zu buchende Ausgaben: {total} (%n Ausgaben).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wallet top-ups and unloads, not in that total: {amount} (%n).</source>
        <translation>
            <numerusform>Wallet-Aufladungen und -Abbuchungen, nicht in dieser Summe: {amount} (%n).</numerusform>
            <numerusform>Wallet-Aufladungen und -Abbuchungen, nicht in dieser Summe: {amount} (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Will be skipped (reported to Pleo as handled, not booked):</source>
        <translation>Wird übersprungen (an Pleo als erledigt gemeldet, nicht gebucht):</translation>
    </message>
    <message>
        <source>Not exported, the accounting system does not take them (reported to Pleo as not exportable):</source>
        <translation>Nicht exportiert, das Buchhaltungsprogramm nimmt sie nicht an (an Pleo als nicht exportierbar gemeldet):</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>This export is already waiting to run; it starts when the work before it has finished.</source>
        <translation>Dieser Export wartet bereits; er beginnt, sobald die laufende Arbeit fertig ist.</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt abgebrochen…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export läuft…</translation>
    </message>
</context>
<context>
    <name>FeedPage</name>
    <message>
        <source>Bank feed</source>
        <translation>Bank-Feed</translation>
    </message>
    <message>
        <source>The bank feed puts every Pleo card payment on the statement of the Pleo bank account in the ledger, twice a day, so the balance matches Pleo&apos;s.</source>
        <translation>Der Bank-Feed stellt jede Pleo-Kartenzahlung zweimal täglich auf den Kontoauszug des Pleo-Bankkontos in der Buchhaltung, damit der Saldo dem in Pleo entspricht.</translation>
    </message>
    <message>
        <source>&amp;Send the Pleo bank feed</source>
        <translation>Pleo-Bank-Feed &amp;senden</translation>
    </message>
    <message>
        <source>How feed and export meet: the feed adds each payment to the Pleo bank account&apos;s statement, the export books the same payment with its category and VAT against that bank account, and both carry the same reference (PLEO- and the expense id), so you match them in reconciliation and nothing is booked twice.</source>
        <translation>So treffen Feed und Export zusammen: Der Feed stellt jede Zahlung auf den Auszug des Pleo-Bankkontos, der Export bucht dieselbe Zahlung mit Kategorie und Steuer gegen dieses Bankkonto, und beide tragen dieselbe Referenz (PLEO- und die Ausgaben-ID). Sie gleichen sie über diese Referenz ab, und nichts wird doppelt gebucht.</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Sent every day at {utc} UTC ({local} your time).</source>
        <translation>Täglich gesendet um {utc} UTC ({local} Ihre Zeit).</translation>
    </message>
    <message>
        <source>{system} does not take a bank feed from pleodesk.</source>
        <translation>{system} nimmt keinen Bank-Feed von pleodesk an.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Details des Laufs</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe.</translation>
    </message>
    <message>
        <source>Started {start}, ended {end}.</source>
        <translation>Gestartet {start}, beendet {end}.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <source>Pleo export job {id}</source>
        <translation>Pleo-Exportauftrag {id}</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Pleo tag group</source>
        <translation>Pleo-Label-Gruppe</translation>
    </message>
    <message numerus="yes">
        <source>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most %n. Choose one for each group you want to see in the ledger; each tag then becomes one of its values (missing ones can be created).</source>
        <translation>
            <numerusform>Die Tag-Gruppen von Pleo können als {dimensions} in die Buchhaltung gehen, höchstens %n. Wählen Sie eine für jede Gruppe, die Sie in der Buchhaltung sehen möchten; jeder Tag wird dann einer ihrer Werte (fehlende können angelegt werden).</numerusform>
            <numerusform>Die Tag-Gruppen von Pleo können als {dimensions} in die Buchhaltung gehen, höchstens %n. Wählen Sie eine für jede Gruppe, die Sie in der Buchhaltung sehen möchten; jeder Tag wird dann einer ihrer Werte (fehlende können angelegt werden).</numerusform>
        </translation>
    </message>
    <message>
        <source>This Pleo company has no tag groups; there is nothing to map.</source>
        <translation>Dieses Pleo-Unternehmen hat keine Label-Gruppen; es gibt nichts zuzuordnen.</translation>
    </message>
    <message>
        <source>The ledger has no {dimensions}; tags will not be exported.</source>
        <translation>Die Buchhaltung hat keine {dimensions}; Labels werden nicht exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n value(s) in {dimension}…</source>
        <translation>
            <numerusform>%n Wert wird in {dimension} angelegt…</numerusform>
            <numerusform>%n Werte werden in {dimension} angelegt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n value(s) in {dimension}; the tags are mapped to them.</source>
        <translation>
            <numerusform>%n Wert in {dimension} angelegt; der Tag ist ihm zugeordnet.</numerusform>
            <numerusform>%n Werte in {dimension} angelegt; die Tags sind ihnen zugeordnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The values were not created: {error}</source>
        <translation>Die Werte wurden nicht angelegt: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pleodesk</source>
        <translation>pleodesk</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add a connection…</source>
        <translation>Verbindung &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Connect Pleo to your books</source>
        <translation>Verbinden Sie Pleo mit Ihrer Buchhaltung</translation>
    </message>
    <message>
        <source>pleodesk sends your company&apos;s Pleo expenses to your accounting system, with categories, VAT, labels and receipts. Set up a connection for each administration.</source>
        <translation>pleodesk sendet die Pleo-Ausgaben Ihres Unternehmens an Ihre Buchhaltungssoftware, mit Kategorien, Steuer, Labels und Belegen. Richten Sie je Mandant eine Verbindung ein.</translation>
    </message>
    <message>
        <source>&amp;Set up a connection</source>
        <translation>Verbindung &amp;einrichten</translation>
    </message>
    <message>
        <source>&amp;Continue the setup</source>
        <translation>Einrichtung &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>E&amp;xport a month</source>
        <translation>Monat e&amp;xportieren</translation>
    </message>
    <message>
        <source>Ex&amp;penses</source>
        <translation>&amp;Ausgaben</translation>
    </message>
    <message>
        <source>P&amp;roblems</source>
        <translation>&amp;Probleme</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Ein&amp;stellungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Check the export &amp;queue now</source>
        <translation>Export&amp;warteschlange jetzt prüfen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Export a month</source>
        <translation>Einen Monat exportieren</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About pleodesk</source>
        <translation>&amp;Über pleodesk</translation>
    </message>
    <message>
        <source>No pleodesk data was found in {folder}: its database was deleted or moved while pleodesk was closed. The setup starts anew. To go on with the earlier connections, quit pleodesk and put the file {file} back in that folder.</source>
        <translation>In {folder} wurden keine Daten von pleodesk gefunden: Die Datenbank wurde gelöscht oder verschoben, während pleodesk geschlossen war. Die Einrichtung beginnt neu. Um mit den früheren Verbindungen weiterzumachen, beenden Sie pleodesk und legen Sie die Datei {file} zurück in diesen Ordner.</translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation>Noch keine Verbindung.</translation>
    </message>
    <message>
        <source>The setup of {name} is not finished</source>
        <translation>Die Einrichtung von {name} ist nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Continue where you left off, or discard it. Nothing has been exported for it.</source>
        <translation>Machen Sie dort weiter, wo Sie aufgehört haben, oder verwerfen Sie sie. Es wurde noch nichts exportiert.</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>This connection is deactivated: nothing is exported for it.</source>
        <translation>Diese Verbindung ist deaktiviert: Für sie wird nichts exportiert.</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; Pleo refused the stored API key.</source>
        <translation>&lt;b&gt;Getrennt.&lt;/b&gt; Pleo hat den gespeicherten API-Schlüssel abgelehnt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; {system} refused the stored credentials.</source>
        <translation>&lt;b&gt;Getrennt.&lt;/b&gt; {system} hat die gespeicherten Zugangsdaten abgelehnt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; pleodesk cannot reach Pleo or the ledger with the stored credentials.</source>
        <translation>&lt;b&gt;Getrennt.&lt;/b&gt; pleodesk erreicht Pleo oder die Buchhaltung mit den gespeicherten Zugangsdaten nicht.</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Neu verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) held or failed: nothing was lost, but not in the ledger yet.</source>
        <translation>
            <numerusform>%n Ausgabe zurückgehalten oder fehlgeschlagen: Nichts ging verloren, aber sie ist noch nicht in der Buchhaltung.</numerusform>
            <numerusform>%n Ausgaben zurückgehalten oder fehlgeschlagen: Nichts ging verloren, aber sie sind noch nicht in der Buchhaltung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name} with its mappings, history, Pleo data and downloaded receipts? The ledger keeps what was exported. This cannot be undone.</source>
        <translation>{name} mit Zuordnungen, Verlauf, Pleo-Daten und heruntergeladenen Belegen löschen? Was exportiert wurde, bleibt in der Buchhaltung. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Some expenses need attention.</source>
        <translation>Einige Ausgaben brauchen Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>Show &amp;problems</source>
        <translation>&amp;Probleme anzeigen</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Hintergrundarbeit</translation>
    </message>
    <message>
        <source>{what} could not be planned: {error}. The rest of the background work goes on; the details are in the log.</source>
        <translation>{what} konnte nicht geplant werden: {error}. Die übrige Hintergrundarbeit läuft weiter; die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>{name}: {what} could not be planned: {error}</source>
        <translation>{name}: {what} konnte nicht geplant werden: {error}</translation>
    </message>
    <message>
        <source>P&amp;roblems ({n})</source>
        <translation>&amp;Probleme ({n})</translation>
    </message>
    <message>
        <source>{name}: {what} running…</source>
        <translation>{name}: {what} läuft…</translation>
    </message>
    <message>
        <source>{name}: {what} — {status}{counts}</source>
        <translation>{name}: {what} — {status}{counts}</translation>
    </message>
    <message>
        <source>Discard the setup</source>
        <translation>Einrichtung verwerfen</translation>
    </message>
    <message>
        <source>Discard the unfinished setup {name}?</source>
        <translation>Die unvollständige Einrichtung {name} verwerfen?</translation>
    </message>
    <message>
        <source>{name} was not discarded: {error}</source>
        <translation>{name} wurde nicht verworfen: {error}</translation>
    </message>
    <message>
        <source>Delete the connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Disconnecting {name} from {system}…</source>
        <translation>{name} wird von {system} getrennt…</translation>
    </message>
    <message>
        <source>{name} was not deleted: {error}</source>
        <translation>{name} wurde nicht gelöscht: {error}</translation>
    </message>
    <message>
        <source>{name} was deleted here, but {system} could not be told.

{problems}</source>
        <translation>{name} wurde hier gelöscht, aber {system} konnte nicht benachrichtigt werden.

{problems}</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is in docs/user-guide.md of the pleodesk source.</source>
        <translation>Das Benutzerhandbuch steht in docs/user-guide.md im Quellcode von pleodesk.</translation>
    </message>
    <message>
        <source>About pleodesk</source>
        <translation>Über pleodesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;pleodesk {version}&lt;/b&gt;&lt;br&gt;Keeps your company&apos;s books in step with its Pleo spend account.</source>
        <translation>&lt;b&gt;pleodesk {version}&lt;/b&gt;&lt;br&gt;Hält die Buchhaltung Ihres Unternehmens mit dem Pleo-Ausgabenkonto im Einklang.</translation>
    </message>
    <message>
        <source>pleodesk keeps running</source>
        <extracomment>The window&apos;s size where the screen has room (1366×768 laptops have less: the window then fits the screen&apos;s free area, above the taskbar); the size the user gave it is remembered.</extracomment>
        <translation>pleodesk läuft weiter</translation>
    </message>
    <message>
        <source>Exports and the bank feed go on in the background. Open pleodesk from its tray icon; quit it there or with File &gt; Quit.</source>
        <translation>Exporte und der Bank-Feed laufen im Hintergrund weiter. Öffnen Sie pleodesk über sein Symbol im Infobereich; beenden Sie es dort oder mit Datei &gt; Beenden.</translation>
    </message>
</context>
<context>
    <name>MappingsDialog</name>
    <message>
        <source>Mappings of {name}</source>
        <translation>Zuordnungen von {name}</translation>
    </message>
    <message>
        <source>Reading Pleo&apos;s categories and the ledger&apos;s chart…</source>
        <translation>Pleo-Kategorien und Kontenplan werden gelesen…</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Kategorien</translation>
    </message>
    <message>
        <source>&amp;VAT codes</source>
        <translation>&amp;Steuerschlüssel</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Retry the held expenses after saving</source>
        <translation>Zurückgehaltene Ausgaben nach dem Speichern erneut versuchen</translation>
    </message>
    <message>
        <source>Pleo could not be read ({error}); showing what is stored.</source>
        <translation>Pleo konnte nicht gelesen werden ({error}); angezeigt wird, was gespeichert ist.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>How expenses are booked, and how often pleodesk looks for new ones.</source>
        <translation>Wie Ausgaben gebucht werden und wie oft pleodesk nach neuen sucht.</translation>
    </message>
    <message>
        <source>Book expenses as</source>
        <translation>Ausgaben buchen als</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Posted (final)</source>
        <translation>&amp;Festgeschrieben (endgültig)</translation>
    </message>
    <message>
        <source>D&amp;rafts, to check and post in the ledger</source>
        <translation>&amp;Entwürfe, zum Prüfen und Buchen in der Buchhaltung</translation>
    </message>
    <message>
        <source>Create entries as:</source>
        <translation>Buchungen anlegen als:</translation>
    </message>
    <message>
        <source>Export &amp;receipts and other attachments</source>
        <translation>&amp;Belege und andere Anhänge exportieren</translation>
    </message>
    <message>
        <source>&amp;Ignore Pleo wallet top-ups (book them yourself)</source>
        <translation>Aufladungen des Pleo-Wallets &amp;ignorieren (selbst buchen)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Export queue interval in minutes</source>
        <translation>Intervall der Exportwarteschlange in Minuten</translation>
    </message>
    <message>
        <source>Check the export &amp;queue every:</source>
        <translation>Export&amp;warteschlange prüfen alle:</translation>
    </message>
    <message>
        <source>Expenses someone queues for export in Pleo are sent this often. 5 minutes is recommended.</source>
        <translation>Ausgaben, die jemand in Pleo zum Export einreiht, werden so oft gesendet. Empfohlen sind 5 Minuten.</translation>
    </message>
    <message>
        <source>Scheduled syncs (optional)</source>
        <translation>Geplante Synchronisation (optional)</translation>
    </message>
    <message>
        <source>Card expenses:</source>
        <translation>Kartenausgaben:</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses:</source>
        <translation>Ausgelegte Ausgaben:</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PleoPage</name>
    <message>
        <source>Connect Pleo</source>
        <translation>Pleo verbinden</translation>
    </message>
    <message>
        <source>pleodesk reads your expenses from Pleo with an API key. In Pleo, open Settings → API keys, create a key, and copy it here with your company id.</source>
        <translation>pleodesk liest Ihre Ausgaben mit einem API-Schlüssel aus Pleo. Öffnen Sie in Pleo Einstellungen → API-Schlüssel, erstellen Sie einen Schlüssel und kopieren Sie ihn mit Ihrer Unternehmens-ID hierher.</translation>
    </message>
    <message>
        <source>Pleo API key</source>
        <translation>Pleo-API-Schlüssel</translation>
    </message>
    <message>
        <source>Paste the key from Pleo</source>
        <translation>Schlüssel aus Pleo einfügen</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Pleo company id</source>
        <translation>Pleo-Unternehmens-ID</translation>
    </message>
    <message>
        <source>&amp;Company id:</source>
        <translation>&amp;Unternehmens-ID:</translation>
    </message>
    <message>
        <source>Pleo address</source>
        <translation>Pleo-Adresse</translation>
    </message>
    <message>
        <source>Pleo &amp;address:</source>
        <translation>Pleo-&amp;Adresse:</translation>
    </message>
    <message>
        <source>Leave the address as it is unless Pleo&apos;s support gave you another one.</source>
        <translation>Lassen Sie die Adresse unverändert, es sei denn, der Pleo-Support hat Ihnen eine andere genannt.</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check the Pleo connection</source>
        <translation>Verbindung zu Pleo prüfen</translation>
    </message>
    <message>
        <source>Use the &amp;demo company</source>
        <translation>&amp;Demo-Unternehmen verwenden</translation>
    </message>
    <message>
        <source>Try pleodesk on a built-in demo company, on this computer only.</source>
        <translation>pleodesk mit einem eingebauten Demo-Unternehmen ausprobieren, nur auf diesem Computer.</translation>
    </message>
    <message>
        <source>Connected to {company}</source>
        <translation>Verbunden mit {company}</translation>
    </message>
    <message>
        <source>Press Check to test the new values.</source>
        <translation>Klicken Sie auf Prüfen, um die neuen Angaben zu testen.</translation>
    </message>
    <message>
        <source>Enter the API key and the company id first.</source>
        <translation>Geben Sie zuerst den API-Schlüssel und die Unternehmens-ID ein.</translation>
    </message>
    <message>
        <source>The Pleo address must start with https://.</source>
        <translation>Die Pleo-Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Checking with Pleo…</source>
        <translation>Wird bei Pleo geprüft…</translation>
    </message>
    <message>
        <source>Pleo answered for another company ({name}).</source>
        <translation>Pleo hat für ein anderes Unternehmen geantwortet ({name}).</translation>
    </message>
    <message>
        <source>Pleo did not accept this key for this company. Check both, or create a new key in Pleo (Settings → API keys).</source>
        <translation>Pleo akzeptiert diesen Schlüssel für dieses Unternehmen nicht. Prüfen Sie beides oder erstellen Sie in Pleo einen neuen Schlüssel (Einstellungen → API-Schlüssel).</translation>
    </message>
    <message>
        <source>Pleo answered: {message}</source>
        <translation>Pleo antwortete: {message}</translation>
    </message>
    <message>
        <source>Pleo could not be reached: {error}</source>
        <translation>Pleo ist nicht erreichbar: {error}</translation>
    </message>
    <message>
        <source>Starting the demo company…</source>
        <translation>Demo-Unternehmen wird gestartet…</translation>
    </message>
    <message>
        <source>The demo company could not be started: {error}</source>
        <translation>Das Demo-Unternehmen konnte nicht gestartet werden: {error}</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Problems</source>
        <extracomment>Problem kinds -&gt; the mapping editor tab that fixes them.</extracomment>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Retry all</source>
        <translation>Alle erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Put every held and failed expense back in the queue and export them.</source>
        <translation>Stellt alle zurückgehaltenen und fehlgeschlagenen Ausgaben wieder in die Warteschlange und exportiert sie.</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Problems grouped by cause</source>
        <translation>Probleme nach Ursache</translation>
    </message>
    <message>
        <source>Where to find the exports in the ledger</source>
        <translation>Wo die Exporte in der Buchhaltung zu finden sind</translation>
    </message>
    <message>
        <source>Looking for problems…</source>
        <translation>Probleme werden gesucht…</translation>
    </message>
    <message>
        <source>Problems could not be read: {reason}</source>
        <translation>Die Probleme konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Missing mappings (nothing was sent)</source>
        <translation>Fehlende Zuordnungen (nichts wurde gesendet)</translation>
    </message>
    <message>
        <source>Refused by the ledger</source>
        <translation>Von der Buchhaltung abgelehnt</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Ready to send again</source>
        <translation>Bereit zum erneuten Senden</translation>
    </message>
    <message>
        <source>Mappings fixed: ready to send again</source>
        <translation>Zuordnungen behoben: bereit zum erneuten Senden</translation>
    </message>
    <message>
        <source>Press Retry to export them.</source>
        <translation>Klicken Sie auf Erneut versuchen, um sie zu exportieren.</translation>
    </message>
    <message>
        <source>Some receipts must be attached by hand</source>
        <translation>Einige Belege müssen von Hand angehängt werden</translation>
    </message>
    <message>
        <source>The ledger took what it accepts (a number per entry, a size per file); attach the others by hand.</source>
        <translation>Die Buchhaltung hat übernommen, was sie annimmt (eine Anzahl je Buchung, eine Größe je Datei); hängen Sie die übrigen von Hand an.</translation>
    </message>
    <message>
        <source>Receipts could not be attached</source>
        <translation>Belege konnten nicht angehängt werden</translation>
    </message>
    <message>
        <source>Attach them by hand in the ledger, or press Retry.</source>
        <translation>Hängen Sie sie in der Buchhaltung von Hand an oder klicken Sie auf Erneut versuchen.</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Beheben…</translation>
    </message>
    <message>
        <source>Fix: {problem}</source>
        <translation>Beheben: {problem}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry: {problem}</source>
        <translation>Erneut versuchen: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) need attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</source>
        <translation>
            <numerusform>%n Ausgabe braucht Aufmerksamkeit. Beheben Sie die Ursache und klicken Sie dann auf Erneut versuchen: Was die Buchhaltung schon erreicht hat, wird nie zweimal gesendet.</numerusform>
            <numerusform>%n Ausgaben brauchen Aufmerksamkeit. Beheben Sie die Ursache und klicken Sie dann auf Erneut versuchen: Was die Buchhaltung schon erreicht hat, wird nie zweimal gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Probleme ({n})</translation>
    </message>
    <message>
        <source>No problems: everything that was read from Pleo is exported or waiting.</source>
        <translation>Keine Probleme: Alles, was aus Pleo gelesen wurde, ist exportiert oder wartet.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Was zu tun ist:</translation>
    </message>
    <message>
        <source>Retrying… the result appears in History.</source>
        <translation>Wird erneut versucht… das Ergebnis erscheint im Verlauf.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Belegvorschau</translation>
    </message>
    <message>
        <source>&amp;Open receipt</source>
        <translation>Beleg ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Select an expense</source>
        <translation>Wählen Sie eine Ausgabe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Booked with:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gebucht mit:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pleo&apos;s data of this expense and its receipts were removed from this computer (Settings, Data folder); the ledger entry keeps them.</source>
        <translation>Die Pleo-Daten dieser Ausgabe und ihre Belege wurden von diesem Computer gelöscht (Einstellungen, Datenordner); die Buchung in der Buchhaltung bewahrt sie.</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Kein Beleg</translation>
    </message>
    <message>
        <source>The receipt is fetched when the expense is exported.</source>
        <translation>Der Beleg wird beim Export der Ausgabe abgeholt.</translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation>In der Buchhaltung</translation>
    </message>
    <message>
        <source>Receipt not downloaded</source>
        <translation>Beleg nicht heruntergeladen</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>PDF ö&amp;ffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n more attachment(s)</source>
        <translation>
            <numerusform>%n weiterer Anhang</numerusform>
            <numerusform>%n weitere Anhänge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconnectDialog</name>
    <message>
        <source>Reconnect {name}</source>
        <translation>{name} neu verbinden</translation>
    </message>
    <message>
        <source>In Pleo, open Settings → API keys, create a new key for {company} and paste it here. The connection stays with the same Pleo company; a key for another company is refused.</source>
        <translation>Öffnen Sie in Pleo Einstellungen → API-Schlüssel, erstellen Sie einen neuen Schlüssel für {company} und fügen Sie ihn hier ein. Die Verbindung bleibt beim selben Pleo-Unternehmen; ein Schlüssel eines anderen Unternehmens wird abgelehnt.</translation>
    </message>
    <message>
        <source>What went wrong: {message}</source>
        <translation>Was schiefging: {message}</translation>
    </message>
    <message>
        <source>New Pleo API key</source>
        <translation>Neuer Pleo-API-Schlüssel</translation>
    </message>
    <message>
        <source>Leave empty to try the stored key again</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel erneut zu versuchen</translation>
    </message>
    <message>
        <source>New API &amp;key:</source>
        <translation>Neuer API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>Checking the new credentials with the ledger…</source>
        <translation>Die neuen Zugangsdaten werden bei der Buchhaltung geprüft…</translation>
    </message>
    <message>
        <source>Checking with Pleo and the ledger…</source>
        <translation>Wird bei Pleo und der Buchhaltung geprüft…</translation>
    </message>
    <message>
        <source>Connected to {company}</source>
        <translation>Verbunden mit {company}</translation>
    </message>
</context>
<context>
    <name>ReconnectPanel</name>
    <message>
        <source>Odoo refused the stored API key. Sign in to Odoo as {login}, open your profile &gt; Account Security &gt; New API Key and paste the key here. The connection stays with the database {database} and the company {company}.</source>
        <translation>Odoo hat den gespeicherten API-Schlüssel abgelehnt. Melden Sie sich bei Odoo als {login} an, öffnen Sie Ihr Profil &gt; Kontosicherheit &gt; Neuer API-Schlüssel und fügen Sie den Schlüssel hier ein. Die Verbindung bleibt bei der Datenbank {database} und dem Unternehmen {company}.</translation>
    </message>
    <message>
        <source>New Odoo API key</source>
        <translation>Neuer Odoo-API-Schlüssel</translation>
    </message>
    <message>
        <source>Lexware Office refused the stored API key (keys expire after 24 months). Create a new key in Lexware Office under Add-ons &gt; Public API for the company {company} and paste it here.</source>
        <translation>Lexware Office hat den gespeicherten API-Schlüssel abgelehnt (Schlüssel laufen nach 24 Monaten ab). Erstellen Sie in Lexware Office unter Add-ons &gt; Public API einen neuen Schlüssel für die Firma {company} und fügen Sie ihn hier ein.</translation>
    </message>
    <message>
        <source>New Lexware Office API key</source>
        <translation>Neuer API-Schlüssel von Lexware Office</translation>
    </message>
    <message>
        <source>Leave empty to try the stored key again</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel erneut zu versuchen</translation>
    </message>
    <message>
        <source>New &amp;Lexware Office API key:</source>
        <translation>Neuer API-Schlüssel von &amp;Lexware Office:</translation>
    </message>
    <message>
        <source>New &amp;Odoo API key:</source>
        <translation>Neuer &amp;Odoo-API-Schlüssel:</translation>
    </message>
    <message>
        <source>Xero ended pleodesk&apos;s sign-in. Reconnect opens Xero&apos;s sign-in in your browser: sign in and choose {name}. A sign-in to another organisation is refused, and nothing is changed then.</source>
        <translation>Xero hat die Anmeldung von pleodesk beendet. Neu verbinden öffnet die Anmeldung von Xero in Ihrem Browser: Melden Sie sich an und wählen Sie {name}. Eine Anmeldung bei einer anderen Organisation wird abgelehnt, und dann wird nichts geändert.</translation>
    </message>
    <message>
        <source>Sign in to &amp;Xero again</source>
        <translation>Erneut bei &amp;Xero anmelden</translation>
    </message>
    <message>
        <source>Sign in to Xero again</source>
        <translation>Erneut bei Xero anmelden</translation>
    </message>
    <message>
        <source>QuickBooks ended pleodesk&apos;s sign-in. Reconnect opens Intuit&apos;s sign-in in your browser: sign in and choose {name}. A sign-in to another company is refused, and nothing is changed then.</source>
        <translation>QuickBooks hat die Anmeldung von pleodesk beendet. Erneut verbinden öffnet die Intuit-Anmeldung im Browser: Melden Sie sich an und wählen Sie {name}. Eine Anmeldung bei einem anderen Unternehmen wird abgelehnt, und dann wird nichts geändert.</translation>
    </message>
    <message>
        <source>Sign in to &amp;QuickBooks again</source>
        <translation>Erneut bei &amp;QuickBooks anmelden</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Warten beenden</translation>
    </message>
    <message>
        <source>The answer the QuickBooks page shows</source>
        <translation>Die Antwort, die die QuickBooks-Seite anzeigt</translation>
    </message>
    <message>
        <source>Waiting for QuickBooks in your browser… If the browser shows a line to copy, paste it below and press Enter. Press Stop waiting to give up.</source>
        <translation>Warten auf QuickBooks im Browser… Zeigt der Browser eine Zeile zum Kopieren, fügen Sie sie unten ein und drücken Sie die Eingabetaste. Klicken Sie auf Warten beenden, um aufzugeben.</translation>
    </message>
    <message>
        <source>Stop waiting for the Xero sign-in</source>
        <translation>Warten auf die Xero-Anmeldung beenden</translation>
    </message>
    <message>
        <source>Waiting for Xero in your browser… Press Stop waiting to give up.</source>
        <translation>Warten auf Xero in Ihrem Browser… Drücken Sie Warten beenden, um abzubrechen.</translation>
    </message>
    <message>
        <source>The sign-in was stopped; nothing was changed.</source>
        <translation>Die Anmeldung wurde beendet; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Pennylane refused the stored API token (it may have been revoked or have expired). Make a new token for {company} in Pennylane under Settings &gt; Connectivity &gt; Developers and paste it here.</source>
        <translation>Pennylane hat das gespeicherte API-Token abgelehnt (es wurde vielleicht widerrufen oder ist abgelaufen). Erstellen Sie in Pennylane unter Paramètres &gt; Connectivité &gt; Développeurs ein neues Token für {company} und fügen Sie es hier ein.</translation>
    </message>
    <message>
        <source>New Pennylane API token</source>
        <translation>Neues Pennylane-API-Token</translation>
    </message>
    <message>
        <source>New &amp;Pennylane token:</source>
        <translation>Neues &amp;Pennylane-Token:</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>&amp;Sync this administration on a schedule</source>
        <translation>Diesen Mandanten nach &amp;Zeitplan synchronisieren</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplante Synchronisation</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>How &amp;often:</source>
        <translation>Wie &amp;oft:</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>S&amp;tart date:</source>
        <translation>S&amp;tartdatum:</translation>
    </message>
    <message>
        <source>Stop on</source>
        <translation>Enden am</translation>
    </message>
    <message>
        <source>Has an end date</source>
        <translation>Hat ein Enddatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>&amp;Enddatum:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Delay in days</source>
        <translation>Verzögerung in Tagen</translation>
    </message>
    <message>
        <source>Wait this many days after a period ends before syncing it, so expenses settled late are included.</source>
        <translation>So viele Tage nach Ende eines Zeitraums warten, bevor er synchronisiert wird, damit spät abgerechnete Ausgaben dabei sind.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>&amp;Automatic (off: only when you press Sync now)</source>
        <translation>&amp;Automatisch (aus: nur, wenn Sie auf Jetzt synchronisieren klicken)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Without a schedule, expenses go to the ledger through the export queue and Export a month.</source>
        <translation>Ohne Zeitplan gehen Ausgaben über die Exportwarteschlange und Einen Monat exportieren in die Buchhaltung.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Das Enddatum liegt vor dem Startdatum.</translation>
    </message>
    <message numerus="yes">
        <source>Each day is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Jeder Tag wird %n Tag nach seinem Ende synchronisiert; der erste, {day}, am {due}.</numerusform>
            <numerusform>Jeder Tag wird %n Tage nach seinem Ende synchronisiert; der erste, {day}, am {due}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each month is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Jeder Monat wird %n Tag nach seinem Ende synchronisiert; der erste, {day}, am {due}.</numerusform>
            <numerusform>Jeder Monat wird %n Tage nach seinem Ende synchronisiert; der erste, {day}, am {due}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Accounting system:</source>
        <translation>Buchhaltungssystem:</translation>
    </message>
    <message>
        <source>Pleo company:</source>
        <translation>Pleo-Unternehmen:</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Run the &amp;setup again…</source>
        <translation>Einrichtung &amp;erneut ausführen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Zuordnungen</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>&amp;Categories and VAT…</source>
        <translation>Kategorien und &amp;Steuer…</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Export queue interval in minutes</source>
        <translation>Intervall der Exportwarteschlange in Minuten</translation>
    </message>
    <message>
        <source>Check the export &amp;queue every:</source>
        <translation>Export&amp;warteschlange prüfen alle:</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Festgeschrieben</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Create entries as:</source>
        <translation>Buchungen anlegen als:</translation>
    </message>
    <message>
        <source>Export &amp;receipts</source>
        <translation>&amp;Belege exportieren</translation>
    </message>
    <message>
        <source>&amp;Ignore Pleo wallet top-ups</source>
        <translation>Aufladungen des Pleo-Wallets &amp;ignorieren</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Bank-Feed</translation>
    </message>
    <message>
        <source>Send the Pleo &amp;bank feed at 08:00 and 13:00 UTC</source>
        <translation>Pleo-&amp;Bank-Feed um 08:00 und 13:00 UTC senden</translation>
    </message>
    <message>
        <source>Send the feed &amp;now</source>
        <translation>Feed &amp;jetzt senden</translation>
    </message>
    <message>
        <source>Newest statement file</source>
        <translation>Neueste Auszugsdatei</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Show the statement files in the file manager, the newest one highlighted.</source>
        <translation>Zeigt die Auszugsdateien im Dateimanager, die neueste hervorgehoben.</translation>
    </message>
    <message>
        <source>&amp;Import in the ledger…</source>
        <translation>In die Buchhaltung &amp;importieren…</translation>
    </message>
    <message>
        <source>Opens the ledger&apos;s statement import in the browser and shows the newest file to pick there.</source>
        <translation>Öffnet den Auszugsimport der Buchhaltung im Browser und zeigt die neueste Datei, die dort zu wählen ist.</translation>
    </message>
    <message>
        <source>Scheduled sync of this administration</source>
        <translation>Geplante Synchronisation dieses Mandanten</translation>
    </message>
    <message>
        <source>Save the &amp;schedule</source>
        <translation>&amp;Zeitplan speichern</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>De&amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>That is {times} your time. The feed and the export carry the same reference, so you match them in reconciliation and nothing is booked twice.</source>
        <translation>Das ist {times} Ihre Zeit. Feed und Export tragen dieselbe Referenz, Sie gleichen sie beim Abstimmen ab, und nichts wird doppelt gebucht.</translation>
    </message>
    <message>
        <source>Edit the connection to choose it.</source>
        <translation>Bearbeiten Sie die Verbindung, um es zu wählen.</translation>
    </message>
    <message>
        <source>Mapped: {categories}, {taxes}, {groups}.</source>
        <translation>Zugeordnet: {categories}, {taxes}, {groups}.</translation>
    </message>
    <message numerus="yes">
        <source>%n category(-ies)</source>
        <translation>
            <numerusform>%n Kategorie</numerusform>
            <numerusform>%n Kategorien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VAT code(s)</source>
        <translation>
            <numerusform>%n USt-Code</numerusform>
            <numerusform>%n USt-Codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag group(s)</source>
        <translation>
            <numerusform>%n Tag-Gruppe</numerusform>
            <numerusform>%n Tag-Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>Next check of the export queue: {when}.</source>
        <translation>Nächste Prüfung der Exportwarteschlange: {when}.</translation>
    </message>
    <message>
        <source>Waiting for you to press Sync now: {periods}.</source>
        <translation>Wartet darauf, dass Sie auf Jetzt synchronisieren klicken: {periods}.</translation>
    </message>
    <message>
        <source>Next scheduled sync: {when}.</source>
        <translation>Nächste geplante Synchronisation: {when}.</translation>
    </message>
    <message>
        <source>The schedule has ended.</source>
        <translation>Der Zeitplan ist abgelaufen.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>&amp;Import in {system}…</source>
        <translation>In {system} &amp;importieren…</translation>
    </message>
    <message>
        <source>No statement file yet: the first is written at the next feed time, in {folder}.</source>
        <translation>Noch keine Auszugsdatei: Die erste wird zur nächsten Feed-Zeit geschrieben, in {folder}.</translation>
    </message>
    <message>
        <source>Newest statement file: {file} ({when}), in {folder}.</source>
        <translation>Neueste Auszugsdatei: {file} ({when}), in {folder}.</translation>
    </message>
    <message>
        <source>In {system}, choose Import a statement&apos;s file {file}: lines imported before are skipped.</source>
        <translation>Wählen Sie in {system} unter Auszug importieren die Datei {file}: Schon importierte Zeilen werden übersprungen.</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>Zeitplan gespeichert.</translation>
    </message>
    <message>
        <source>The schedule was not saved: {error}</source>
        <translation>Der Zeitplan wurde nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Syncing {periods}…</source>
        <translation>{periods} wird synchronisiert…</translation>
    </message>
    <message>
        <source>Not renamed: {error}</source>
        <translation>Nicht umbenannt: {error}</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate {name}? Nothing is exported for it until you activate it again; its history stays.</source>
        <translation>{name} deaktivieren? Bis Sie die Verbindung wieder aktivieren, wird nichts exportiert; der Verlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>Not activated: the connection {name} already exports this Pleo company. Deactivate it first.</source>
        <translation>Nicht aktiviert: Die Verbindung {name} exportiert dieses Pleo-Unternehmen bereits. Deaktivieren Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Checking Pleo and the ledger…</source>
        <translation>Pleo und die Buchhaltung werden geprüft…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up a connection</source>
        <extracomment>the connection was saved (connection row, month to export now or None)</extracomment>
        <translation>Verbindung einrichten</translation>
    </message>
    <message>
        <source>Change the connection {name}</source>
        <translation>Verbindung {name} ändern</translation>
    </message>
    <message>
        <source>The connection {name} already exports this Pleo company. Pleo has one accounting integration per company: the first connection to export takes all that waits in Pleo, so a second one would get nothing. Deactivate or delete {name} first (Settings tab), or change that connection instead.</source>
        <translation>Die Verbindung {name} exportiert dieses Pleo-Unternehmen bereits. Pleo hat eine Buchhaltungsintegration pro Unternehmen: Die erste Verbindung, die exportiert, nimmt alles, was in Pleo wartet, eine zweite bekäme also nichts. Deaktivieren oder löschen Sie zuerst {name} (Reiter Einstellungen) oder ändern Sie stattdessen diese Verbindung.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>No Pleo API key is stored yet: go back to Connect Pleo.</source>
        <translation>Es ist noch kein Pleo-API-Schlüssel gespeichert: Gehen Sie zurück zu Pleo verbinden.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the answers, then save. pleodesk checks Pleo and the ledger once more before it saves anything.</source>
        <translation>Prüfen Sie die Angaben und speichern Sie. pleodesk prüft Pleo und die Buchhaltung noch einmal, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Connection &amp;name:</source>
        <translation>&amp;Name der Verbindung:</translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation>Zusammenfassung der Einrichtung</translation>
    </message>
    <message>
        <source>&amp;Export {month} right after saving</source>
        <translation>{month} direkt nach dem Speichern &amp;exportieren</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Accounting system</source>
        <translation>Buchhaltungssystem</translation>
    </message>
    <message>
        <source>Pleo company</source>
        <translation>Pleo-Unternehmen</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(Demo)</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Ordner für das Journal</translation>
    </message>
    <message>
        <source>Company in the ledger</source>
        <translation>Unternehmen in der Buchhaltung</translation>
    </message>
    <message>
        <source>Xero organisation</source>
        <translation>Xero-Organisation</translation>
    </message>
    <message>
        <source>Journal ({role})</source>
        <translation>Journal ({role})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>{mapped} mapped, {unmapped} not mapped</source>
        <translation>{mapped} zugeordnet, {unmapped} nicht zugeordnet</translation>
    </message>
    <message>
        <source>Tag groups</source>
        <translation>Label-Gruppen</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>jede %n Minute</numerusform>
            <numerusform>alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>festgeschrieben</translation>
    </message>
    <message>
        <source>drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n exported as {dimensions}</source>
        <translation>
            <numerusform>%n exportiert als {dimensions}</numerusform>
            <numerusform>%n exportiert als {dimensions}</numerusform>
        </translation>
    </message>
    <message>
        <source>Card expenses booked as</source>
        <translation>Kartenausgaben gebucht als</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses booked as</source>
        <translation>Auslagen gebucht als</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>nicht exportiert</translation>
    </message>
    <message>
        <source>Wallet top-ups</source>
        <translation>Wallet-Aufladungen</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Exportwarteschlange</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Bank-Feed</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual only</source>
        <translation>nur manuell</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplante Synchronisation</translation>
    </message>
    <message>
        <source>The connection name is too long: use at most {n} characters.</source>
        <translation>Der Name der Verbindung ist zu lang: verwenden Sie höchstens {n} Zeichen.</translation>
    </message>
    <message>
        <source>The connection name contains {char}, which cannot be shown as text: use letters, digits, spaces and punctuation only.</source>
        <translation>Der Name der Verbindung enthält {char}, das sich nicht als Text anzeigen lässt: verwenden Sie nur Buchstaben, Ziffern, Leerzeichen und Satzzeichen.</translation>
    </message>
    <message>
        <source>The connection needs a name.</source>
        <translation>Die Verbindung braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another connection is already called {name}.</source>
        <translation>Eine andere Verbindung heißt bereits {name}.</translation>
    </message>
    <message>
        <source>Checking Pleo and the ledger, then saving…</source>
        <translation>Pleo und die Buchhaltung werden geprüft, dann wird gespeichert…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved yet. Fix this first:</source>
        <translation>Noch nicht gespeichert. Beheben Sie zuerst:</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Pleo tag group</source>
        <translation>Pleo-Label-Gruppe</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Pleo tag groups and where they go in the ledger</source>
        <translation>Pleo-Tag-Gruppen und wohin sie in der Buchhaltung gehen</translation>
    </message>
    <message>
        <source>Pleo tag</source>
        <translation>Pleo-Label</translation>
    </message>
    <message>
        <source>Value in the ledger</source>
        <translation>Wert in der Buchhaltung</translation>
    </message>
    <message>
        <source>Tags and their dimension values</source>
        <translation>Labels und ihre Dimensionswerte</translation>
    </message>
    <message>
        <source>Create the &amp;missing values…</source>
        <translation>&amp;Fehlende Werte anlegen…</translation>
    </message>
    <message>
        <source>Create a value in the ledger for each tag of the chosen group that has none yet, named as in Pleo, and map the tags to them.</source>
        <translation>Legt in der Buchhaltung für jeden Tag der gewählten Gruppe ohne Wert einen Wert mit dem Namen aus Pleo an und ordnet die Tags ihm zu.</translation>
    </message>
    <message numerus="yes">
        <source>Create %n missing value(s) in {dimension}…</source>
        <translation>
            <numerusform>%n fehlenden Wert in {dimension} anlegen…</numerusform>
            <numerusform>%n fehlende Werte in {dimension} anlegen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Create values</source>
        <translation>Werte anlegen</translation>
    </message>
    <message>
        <source>Create these values in {dimension}, and map the tags to them?

{values}</source>
        <translation>Diese Werte in {dimension} anlegen und die Tags ihnen zuordnen?

{values}</translation>
    </message>
    <message>
        <source>— not exported —</source>
        <translation>— nicht exportiert —</translation>
    </message>
    <message>
        <source>{name} (not in the ledger)</source>
        <translation>{name} (nicht in der Buchhaltung)</translation>
    </message>
    <message>
        <source>{dimension} for tag group {group}</source>
        <translation>{dimension} für Tag-Gruppe {group}</translation>
    </message>
    <message>
        <source>Too many tag groups</source>
        <translation>Zu viele Tag-Gruppen</translation>
    </message>
    <message numerus="yes">
        <source>At most %n tag group(s) can be exported as {dimensions}. Stop exporting another group first.</source>
        <translation>
            <numerusform>Höchstens %n Tag-Gruppe kann als {dimensions} exportiert werden. Beenden Sie zuerst den Export einer anderen Gruppe.</numerusform>
            <numerusform>Höchstens %n Tag-Gruppen können als {dimensions} exportiert werden. Beenden Sie zuerst den Export einer anderen Gruppe.</numerusform>
        </translation>
    </message>
    <message>
        <source>— choose the {dimension} first —</source>
        <translation>— zuerst die {dimension} wählen —</translation>
    </message>
    <message numerus="yes">
        <source>{groups} of at most {max} tag groups exported as {dimensions}; %n tag(s) mapped.</source>
        <translation>
            <numerusform>{groups} von höchstens {max} Tag-Gruppen als {dimensions} exportiert; %n Tag zugeordnet.</numerusform>
            <numerusform>{groups} von höchstens {max} Tag-Gruppen als {dimensions} exportiert; %n Tags zugeordnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— nicht zugeordnet —</translation>
    </message>
    <message>
        <source>Value for tag {tag}</source>
        <translation>Wert für Label {tag}</translation>
    </message>
</context>
<context>
    <name>TaxTable</name>
    <message>
        <source>Pleo tax code</source>
        <translation>Pleo-Steuerschlüssel</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Steuerschlüssel</translation>
    </message>
    <message>
        <source>Pleo tax codes and their ledger tax codes</source>
        <translation>Pleo-Steuerschlüssel und ihre Steuerschlüssel in der Buchhaltung</translation>
    </message>
    <message>
        <source>(reverse charge)</source>
        <translation>(Reverse Charge)</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— nicht zugeordnet —</translation>
    </message>
    <message>
        <source>Ledger tax code for {tax}</source>
        <translation>Steuerschlüssel in der Buchhaltung für {tax}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Open pleodesk</source>
        <translation>pleodesk ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>A new statement file is ready</source>
        <translation>Eine neue Auszugsdatei liegt bereit</translation>
    </message>
    <message>
        <source>{name}: import {file} in {system} (Settings &gt; Bank feed &gt; Import). Click to show the file.</source>
        <translation>{name}: Importieren Sie {file} in {system} (Einstellungen &gt; Bank-Feed &gt; Importieren). Klicken, um die Datei zu zeigen.</translation>
    </message>
    <message>
        <source>{name}: {what} — {status}</source>
        <translation>{name}: {what} — {status}</translation>
    </message>
    <message numerus="yes">
        <source>pleodesk: %n expense(s) need attention</source>
        <translation>
            <numerusform>pleodesk: %n Ausgabe braucht Aufmerksamkeit</numerusform>
            <numerusform>pleodesk: %n Ausgaben brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {new} more held or failed since the last run. Open Problems to fix them.</source>
        <translation>{name}: {new} weitere zurückgehalten oder fehlgeschlagen seit dem letzten Lauf. Öffnen Sie Probleme, um sie zu beheben.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to pleodesk</source>
        <translation>Willkommen bei pleodesk</translation>
    </message>
    <message>
        <source>pleodesk sends your company&apos;s Pleo expenses to your accounting system: each expense with its category, VAT, labels and receipt. Setting it up takes about five minutes; you can close this window at any time and continue later.</source>
        <translation>pleodesk sendet die Pleo-Ausgaben Ihres Unternehmens an Ihre Buchhaltungssoftware: jede Ausgabe mit Kategorie, Steuer, Labels und Beleg. Die Einrichtung dauert etwa fünf Minuten; Sie können dieses Fenster jederzeit schließen und später weitermachen.</translation>
    </message>
    <message>
        <source>Which accounting system do you use?</source>
        <translation>Welches Buchhaltungssystem verwenden Sie?</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Was Sie brauchen</translation>
    </message>
    <message>
        <source>A Pleo API key and your Pleo company id (in Pleo: Settings → API keys).</source>
        <translation>Einen Pleo-API-Schlüssel und Ihre Pleo-Unternehmens-ID (in Pleo: Einstellungen → API-Schlüssel).</translation>
    </message>
    <message>
        <source>Access to your accounting system, or a folder for the journal file.</source>
        <translation>Zugang zu Ihrem Buchhaltungssystem oder einen Ordner für die Journaldatei.</translation>
    </message>
    <message>
        <source>Your chart of accounts: which ledger account each Pleo category goes to.</source>
        <translation>Ihren Kontenplan: auf welches Sachkonto jede Pleo-Kategorie geht.</translation>
    </message>
    <message>
        <source>Starting the setup…</source>
        <translation>Einrichtung wird gestartet…</translation>
    </message>
</context>
<context>
    <name>fec</name>
    <message>
        <source>FEC file (France): Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime</source>
        <extracomment>Where the wizard keeps the FEC&apos;s chart in the connection&apos;s settings.</extracomment>
        <translation>FEC-Datei (Frankreich): Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime</translation>
    </message>
    <message>
        <source>A fichier des écritures comptables in its legal form for each export, with the receipts beside it, for French ledgers that import files.</source>
        <translation>Eine fichier des écritures comptables in gesetzlicher Form für jeden Export, mit den Belegen daneben, für französische Buchhaltungen, die Dateien importieren.</translation>
    </message>
    <message>
        <source>account (plan comptable général)</source>
        <translation>Konto (plan comptable général)</translation>
    </message>
    <message>
        <source>VAT code</source>
        <translation>USt-Code</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>dimensions (the FEC has no analytic columns)</source>
        <translation>Dimensionen (die FEC hat keine analytischen Spalten)</translation>
    </message>
    <message>
        <source>Pleo bank account (512…)</source>
        <translation>Pleo-Bankkonto (512…)</translation>
    </message>
    <message>
        <source>Amounts owed to employees (421…)</source>
        <translation>Den Mitarbeitern geschuldete Beträge (421…)</translation>
    </message>
    <message>
        <source>Suppliers (401…)</source>
        <translation>Lieferanten (401…)</translation>
    </message>
    <message>
        <source>These accounts are the counter side of each entry. They must be accounts of the plan comptable général that your ledger has; create them here if the chart lacks them.</source>
        <translation>Diese Konten sind die Gegenseite jeder Buchung. Es müssen Konten des plan comptable général sein, die Ihre Buchhaltung hat; legen Sie sie hier an, wenn sie im Kontenplan fehlen.</translation>
    </message>
    <message>
        <source>Cegid Loop</source>
        <translation>Cegid Loop</translation>
    </message>
    <message>
        <source>Inqom</source>
        <translation>Inqom</translation>
    </message>
    <message>
        <source>Sage 100 Comptabilité</source>
        <translation>Sage 100 Comptabilité</translation>
    </message>
    <message>
        <source>ACD (Comptabilité Expert)</source>
        <translation>ACD (Comptabilité Expert)</translation>
    </message>
    <message>
        <source>MyUnisoft</source>
        <translation>MyUnisoft</translation>
    </message>
    <message>
        <source>Tiime</source>
        <translation>Tiime</translation>
    </message>
    <message>
        <source>Another ledger</source>
        <translation>Eine andere Buchhaltung</translation>
    </message>
    <message>
        <source>Select the fiscal year the entries belong to (Dossier &gt; Exercices).</source>
        <translation>Wählen Sie das Geschäftsjahr der Buchungen (Dossier &gt; Exercices).</translation>
    </message>
    <message>
        <source>Import the run&apos;s .txt file with Comptabilité &gt; Imports &gt; Écritures &gt; FEC.</source>
        <translation>Importieren Sie die .txt-Datei des Exports über Comptabilité &gt; Imports &gt; Écritures &gt; FEC.</translation>
    </message>
    <message>
        <source>The FEC import attaches no receipts: attach them from the run&apos;s folder, where each is named after its entry&apos;s PieceRef.</source>
        <translation>Der FEC-Import hängt keine Belege an: hängen Sie sie aus dem Ordner des Exports an, wo jeder nach der PieceRef seiner Buchung benannt ist.</translation>
    </message>
    <message>
        <source>Whether the import adds to the entries already there or replaces them: try a first file on a test folder.</source>
        <translation>Ob der Import zu den vorhandenen Buchungen hinzufügt oder sie ersetzt: probieren Sie eine erste Datei in einem Testmandanten.</translation>
    </message>
    <message>
        <source>Click the import icon at the top right and choose the run&apos;s .txt file.</source>
        <translation>Klicken Sie oben rechts auf das Import-Symbol und wählen Sie die .txt-Datei des Exports.</translation>
    </message>
    <message>
        <source>Choose (or create) the fiscal year; do not close the year after the import.</source>
        <translation>Wählen (oder erstellen) Sie das Geschäftsjahr; schließen Sie das Jahr nach dem Import nicht ab.</translation>
    </message>
    <message>
        <source>Choose to add the entries to those of the period (&quot;rajouter&quot;), not to replace them.</source>
        <translation>Wählen Sie, die Buchungen zu denen des Zeitraums hinzuzufügen (&quot;rajouter&quot;), nicht sie zu ersetzen.</translation>
    </message>
    <message>
        <source>To take the receipts too, choose &quot;Importer un FEC avec ses pièces comptables&quot;; how Inqom wants them packed with the file: pleodesk puts them beside it, named after each entry&apos;s PieceRef.</source>
        <translation>Um auch die Belege zu übernehmen, wählen Sie &quot;Importer un FEC avec ses pièces comptables&quot;; wie Inqom sie zusammen mit der Datei erwartet: pleodesk legt sie daneben, benannt nach der PieceRef jeder Buchung.</translation>
    </message>
    <message>
        <source>Each run also writes Sage&apos;s documented text import of entries (the file ending in _sage.txt: tab separated, dates JJMMAA).</source>
        <translation>Jeder Export schreibt auch den von Sage beschriebenen Textimport von Buchungen (die Datei auf _sage.txt: tabulatorgetrennt, Datumsangaben JJMMAA).</translation>
    </message>
    <message>
        <source>The import menu of Sage 100 Comptabilité (a &quot;Format Sage&quot; or &quot;format paramétrable&quot; import), and whether it imports an FEC.</source>
        <translation>Das Importmenü von Sage 100 Comptabilité (ein Import &quot;Format Sage&quot; oder &quot;format paramétrable&quot;), und ob es eine FEC importiert.</translation>
    </message>
    <message>
        <source>Receipts do not go with the file: attach them from the run&apos;s folder.</source>
        <translation>Belege gehen nicht mit der Datei mit: hängen Sie sie aus dem Ordner des Exports an.</translation>
    </message>
    <message>
        <source>Comptabilité Expert imports files under Outils &gt; Importation (confirmed for fixed assets).</source>
        <translation>Comptabilité Expert importiert Dateien unter Outils &gt; Importation (bestätigt für Anlagen).</translation>
    </message>
    <message>
        <source>Whether it imports entries from an FEC, and through which screen: ask the accounting firm.</source>
        <translation>Ob es Buchungen aus einer FEC importiert, und über welche Maske: fragen Sie die Kanzlei.</translation>
    </message>
    <message>
        <source>Each run also writes the flat CSV MyUnisoft takes from expense tools (the file ending in _myunisoft.csv: debit and credit columns, dates yyyyMMdd, comma decimals).</source>
        <translation>Jeder Export schreibt auch die flache CSV-Datei, die MyUnisoft von Spesen-Tools annimmt (die Datei auf _myunisoft.csv: Soll- und Habenspalten, Datumsangaben yyyyMMdd, Dezimalkomma).</translation>
    </message>
    <message>
        <source>The column order and the import screen MyUnisoft expects, and whether it imports an FEC: the file&apos;s header names each column for the import&apos;s mapping.</source>
        <translation>Die Spaltenreihenfolge und die Importmaske, die MyUnisoft erwartet, und ob es eine FEC importiert: die Kopfzeile der Datei benennt jede Spalte für die Zuordnung beim Import.</translation>
    </message>
    <message>
        <source>Whether Tiime imports entries from an FEC or another file: ask the accountant which import screen they use before relying on it.</source>
        <translation>Ob Tiime Buchungen aus einer FEC oder einer anderen Datei importiert: fragen Sie die Steuerkanzlei, welche Importmaske sie nutzt, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <source>Import the run&apos;s .txt file with your ledger&apos;s FEC import.</source>
        <translation>Importieren Sie die .txt-Datei des Exports mit dem FEC-Import Ihrer Buchhaltung.</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>nicht bestätigt</translation>
    </message>
    <message>
        <source>One entry per expense</source>
        <translation>Eine Buchung je Ausgabe</translation>
    </message>
    <message>
        <source>One summary entry per day</source>
        <translation>Eine Sammelbuchung je Tag</translation>
    </message>
    <message>
        <source>One summary entry per month</source>
        <translation>Eine Sammelbuchung je Monat</translation>
    </message>
    <message>
        <source>{code} is not an account of the plan comptable général: use a number such as 512100.</source>
        <translation>{code} ist kein Konto des plan comptable général: verwenden Sie eine Nummer wie 512100.</translation>
    </message>
    <message>
        <source>The SIREN is the company&apos;s 9-digit number (the first 9 digits of its SIRET, on its Kbis extract).</source>
        <translation>Die SIREN ist die 9-stellige Nummer des Unternehmens (die ersten 9 Ziffern seiner SIRET, auf dem Kbis-Auszug).</translation>
    </message>
    <message>
        <source>This SIREN has a wrong check digit: compare it with the Kbis extract.</source>
        <translation>Diese SIREN hat eine falsche Prüfziffer: vergleichen Sie sie mit dem Kbis-Auszug.</translation>
    </message>
    <message>
        <source>The journal code is 1 to 8 capital letters or digits, such as PLEO.</source>
        <translation>Der Journalcode besteht aus 1 bis 8 Großbuchstaben oder Ziffern, etwa PLEO.</translation>
    </message>
    <message>
        <source>{ledger} keeps the journal code {code} for itself: choose another.</source>
        <translation>{ledger} behält den Journalcode {code} für sich: wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Write the last day of the fiscal year as month-day, such as 12-31.</source>
        <translation>Schreiben Sie den letzten Tag des Geschäftsjahres als Monat-Tag, etwa 12-31.</translation>
    </message>
</context>
<context>
    <name>journal_file</name>
    <message>
        <source>General journal file (CSV)</source>
        <translation>Journaldatei (CSV)</translation>
    </message>
    <message>
        <source>journal file</source>
        <translation>Journaldatei</translation>
    </message>
    <message>
        <source>One balanced journal entry per expense in a CSV file, receipts in a folder beside it; for any ledger that imports a general journal.</source>
        <translation>Eine ausgeglichene Buchung je Ausgabe in einer CSV-Datei, Belege in einem Ordner daneben; für jede Buchhaltung, die ein Journal importiert.</translation>
    </message>
    <message>
        <source>ledger account</source>
        <translation>Sachkonto</translation>
    </message>
    <message>
        <source>VAT code</source>
        <translation>Steuerschlüssel</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>dimensions (cost centres, projects)</source>
        <translation>Dimensionen (Kostenstellen, Projekte)</translation>
    </message>
    <message>
        <source>Pleo bank account (the wallet)</source>
        <translation>Pleo-Bankkonto (das Wallet)</translation>
    </message>
    <message>
        <source>These accounts are the counter side of each journal entry. They must exist in the chart of accounts; create them here if they do not.</source>
        <translation>Diese Konten sind die Gegenseite jeder Buchung. Sie müssen im Kontenplan stehen; legen Sie sie hier an, falls nicht.</translation>
    </message>
    <message>
        <source>Line {line} needs a code and a name.</source>
        <translation>Zeile {line} braucht eine Nummer und einen Namen.</translation>
    </message>
    <message>
        <source>The file holds no accounts.</source>
        <translation>Die Datei enthält keine Konten.</translation>
    </message>
    <message>
        <source>The chart has no dimension named {name}.</source>
        <translation>Der Kontenplan hat keine Dimension namens {name}.</translation>
    </message>
    <message>
        <source>Account {code} already exists ({name}).</source>
        <translation>Konto {code} gibt es schon ({name}).</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>{folder} cannot be created.</source>
        <translation>{folder} kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>You cannot write to {folder}. Choose another folder.</source>
        <translation>Sie können nicht in {folder} schreiben. Wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>The keyring in use ({backend}) would keep the keys in a file, or only until pleodesk closes, so pleodesk does not use it.</source>
        <translation>Der verwendete Schlüsselbund ({backend}) würde die Schlüssel in einer Datei oder nur bis zum Schließen von pleodesk aufbewahren; deshalb verwendet pleodesk ihn nicht.</translation>
    </message>
    <message>
        <source>The system keyring ({backend}) could not keep a key: {error}</source>
        <translation>Der Schlüsselbund des Systems ({backend}) konnte keinen Schlüssel aufbewahren: {error}</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the keys safe.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, um die Schlüssel sicher aufzubewahren.</translation>
    </message>
    <message>
        <source>Nothing was saved. Install GNOME Keyring (Debian and Ubuntu: sudo apt install gnome-keyring) or KWallet, log in again so it is unlocked, and start the setup again. The demo company (pleodesk --demo) needs no keyring.</source>
        <translation>Es wurde nichts gespeichert. Installieren Sie GNOME Keyring (Debian und Ubuntu: sudo apt install gnome-keyring) oder KWallet, melden Sie sich erneut an, damit er entsperrt ist, und beginnen Sie die Einrichtung noch einmal. Die Demofirma (pleodesk --demo) braucht keinen Schlüsselbund.</translation>
    </message>
    <message>
        <source>Nothing was saved. Unlock the system keyring (macOS Keychain, Windows Credential Manager) and start the setup again. The demo company (pleodesk --demo) needs no keyring.</source>
        <translation>Es wurde nichts gespeichert. Entsperren Sie den Schlüsselbund des Systems (macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung) und beginnen Sie die Einrichtung noch einmal. Die Demofirma (pleodesk --demo) braucht keinen Schlüsselbund.</translation>
    </message>
</context>
<context>
    <name>lexoffice</name>
    <message>
        <source>Lexware Office (lexoffice)</source>
        <translation>Lexware Office (lexoffice)</translation>
    </message>
    <message>
        <source>Bookkeeping vouchers in Lexware Office with the receipts attached, and the Pleo card lines for its bank account. No reimbursements (Privatauslagen).</source>
        <translation>Belege in Lexware Office mit den Belegdateien, und die Pleo-Kartenumsätze für das Bankkonto. Keine Privatauslagen.</translation>
    </message>
    <message>
        <source>Lexware Office category</source>
        <translation>Lexware-Office-Kategorie</translation>
    </message>
    <message>
        <source>tax rate</source>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <source>cost centre</source>
        <translation>Kostenstelle</translation>
    </message>
    <message>
        <source>cost centres</source>
        <translation>Kostenstellen</translation>
    </message>
    <message>
        <source>Pleo bank account in Lexware Office</source>
        <translation>Pleo-Bankkonto in Lexware Office</translation>
    </message>
    <message>
        <source>Open voucher until its payment is matched</source>
        <translation>Offener Beleg bis zur Zuordnung der Zahlung</translation>
    </message>
    <message>
        <source>Reimbursements (not supported by Lexware Office)</source>
        <translation>Privatauslagen (von Lexware Office nicht unterstützt)</translation>
    </message>
    <message>
        <source>Reimbursements paid outside Pleo (not supported by Lexware Office)</source>
        <translation>Erstattungen außerhalb von Pleo (von Lexware Office nicht unterstützt)</translation>
    </message>
    <message>
        <source>Lexware Office books every expense as a voucher (Beleg) that stays open until it is matched with its line on the Pleo bank account, so these two are all it needs; pleodesk chose them.</source>
        <translation>Lexware Office bucht jede Ausgabe als Beleg, der offen bleibt, bis er dem Umsatz auf dem Pleo-Bankkonto zugeordnet ist; mehr braucht es nicht, pleodesk hat beide gewählt.</translation>
    </message>
    <message>
        <source>Lexware Office gets the Pleo card lines as transactions of its bank account &quot;Pleo&quot; (pleodesk created it). Every exported voucher comes with an assignment hint: approve the matches in Lexware Office under Finanzen &gt; Bank &gt; Zuordnungsvorschläge. Wallet top-ups and unloads are not sent; add them by hand.</source>
        <translation>Lexware Office erhält die Pleo-Kartenumsätze als Umsätze seines Bankkontos „Pleo“ (von pleodesk angelegt). Zu jedem exportierten Beleg kommt ein Zuordnungsvorschlag: Genehmigen Sie die Zuordnungen in Lexware Office unter Finanzen &gt; Bank &gt; Zuordnungsvorschläge. Wallet-Aufladungen und -Abhebungen werden nicht gesendet; erfassen Sie sie von Hand.</translation>
    </message>
    <message>
        <source>Without Lexware partner access, pleodesk writes the Pleo card lines to CSV files in {folder}. Once: in Lexware Office add a bank account named &quot;Pleo&quot; without online banking (Finanzen &gt; Bank &gt; Bankkonto hinzufügen), and at the first import assign the columns Buchungstag to Datum, Verwendungszweck, Auftraggeber/Empfänger and Betrag. Then import every new file once (the account&apos;s … menu &gt; Umsätze importieren (CSV)): Lexware Office does not notice a file imported twice, and pleodesk never writes a line twice. Wallet top-ups and unloads are not in the files; add them by hand.</source>
        <translation>Ohne Lexware-Partnerzugang schreibt pleodesk die Pleo-Kartenumsätze in CSV-Dateien in {folder}. Einmalig: Legen Sie in Lexware Office ein Bankkonto „Pleo“ ohne Online-Banking an (Finanzen &gt; Bank &gt; Bankkonto hinzufügen) und ordnen Sie beim ersten Import die Spalten Buchungstag → Datum, Verwendungszweck, Auftraggeber/Empfänger und Betrag zu. Importieren Sie danach jede neue Datei genau einmal (Menü … des Kontos &gt; Umsätze importieren (CSV)): Lexware Office bemerkt keine doppelt importierte Datei, und pleodesk schreibt nie eine Zeile zweimal. Wallet-Aufladungen und -Abhebungen stehen nicht in den Dateien; erfassen Sie sie von Hand.</translation>
    </message>
    <message>
        <source>net</source>
        <translation>netto</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>brutto</translation>
    </message>
    <message>
        <source>VAT-free</source>
        <translation>umsatzsteuerfrei</translation>
    </message>
    <message>
        <source>Connected to {company} (taxation: {tax}); expense categories: {n}.</source>
        <translation>Verbunden mit {company} (Besteuerung: {tax}); Ausgabenkategorien: {n}.</translation>
    </message>
    <message>
        <source>Vouchers created: {n}. Look for them in Lexware Office under Belege &gt; Alle Belege (the voucher number is the Pleo reference). The newest:</source>
        <translation>Angelegte Belege: {n}. Sie finden sie in Lexware Office unter Belege &gt; Alle Belege (die Belegnummer ist die Pleo-Referenz). Die neuesten:</translation>
    </message>
    <message>
        <source>No voucher has been created yet: the Export tab and the problems below say why.</source>
        <translation>Es wurde noch kein Beleg angelegt: der Reiter Exportieren und die Probleme unten sagen, warum.</translation>
    </message>
    <message>
        <source>Card lines sent to the Pleo bank account: {n}. If the vouchers are there but nothing shows under Finanzen &gt; Bank &gt; Zuordnungsvorschläge, the lines have not reached Lexware Office yet.</source>
        <translation>An das Pleo-Bankkonto gesendete Kartenumsätze: {n}. Sind die Belege da, aber unter Finanzen &gt; Bank &gt; Zuordnungsvorschläge erscheint nichts, haben die Umsätze Lexware Office noch nicht erreicht.</translation>
    </message>
    <message>
        <source>A small business (Kleinunternehmer): every expense is booked at 0 %, without input tax.</source>
        <translation>Ein Kleinunternehmer: jede Ausgabe wird mit 0 % gebucht, ohne Vorsteuer.</translation>
    </message>
    <message>
        <source>These categories need a supplier among the contacts: {names}.</source>
        <translation>Diese Kategorien brauchen einen Lieferanten unter den Kontakten: {names}.</translation>
    </message>
    <message>
        <source>Exported but nothing in Lexware Office?</source>
        <translation>Exportiert, aber nichts in Lexware Office?</translation>
    </message>
    <message>
        <source>No card lines have been sent yet (the bank feed runs at 08:00 and 13:00 UTC when it is on).</source>
        <translation>Es wurden noch keine Kartenumsätze gesendet (der Bank-Feed läuft um 08:00 und 13:00 UTC, wenn er eingeschaltet ist).</translation>
    </message>
    <message>
        <source>This key belongs to {company}, not to {expected}: nothing was changed.</source>
        <translation>Dieser Schlüssel gehört zu {company}, nicht zu {expected}: es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>mapping</name>
    <message>
        <source> (archived)</source>
        <translation> (archiviert)</translation>
    </message>
    <message>
        <source>{code} (not in the ledger)</source>
        <translation>{code} (nicht in der Buchhaltung)</translation>
    </message>
</context>
<context>
    <name>odoo</name>
    <message>
        <source>Odoo 16 / 17</source>
        <translation>Odoo 16 / 17</translation>
    </message>
    <message>
        <source>Odoo</source>
        <translation>Odoo</translation>
    </message>
    <message>
        <source>Journal entries or vendor bills in Odoo, drafts or posted, with the receipts attached; analytic plans as Pleo tag groups.</source>
        <translation>Buchungssätze oder Eingangsrechnungen in Odoo, als Entwurf oder gebucht, mit den Belegen als Anhang; Pleo-Label-Gruppen als Analysepläne.</translation>
    </message>
    <message>
        <source>Odoo account</source>
        <translation>Odoo-Konto</translation>
    </message>
    <message>
        <source>Odoo tax</source>
        <translation>Odoo-Steuer</translation>
    </message>
    <message>
        <source>analytic plan</source>
        <translation>Analyseplan</translation>
    </message>
    <message>
        <source>analytic plans</source>
        <translation>Analysepläne</translation>
    </message>
    <message>
        <source>Pleo wallet account</source>
        <translation>Konto des Pleo-Wallets</translation>
    </message>
    <message>
        <source>Pleo account for out-of-pocket expenses</source>
        <translation>Pleo-Konto für Auslagen der Mitarbeitenden</translation>
    </message>
    <message>
        <source>Pleo counter account for external reimbursements</source>
        <translation>Pleo-Gegenkonto für außerhalb von Pleo gezahlte Erstattungen</translation>
    </message>
    <message>
        <source>Accounts payable (type Payable, for vendor bills)</source>
        <translation>Verbindlichkeiten (Kontotyp „Verbindlichkeit“, für Eingangsrechnungen)</translation>
    </message>
    <message>
        <source>In Odoo these live under Accounting &gt; Configuration &gt; Chart of Accounts. Any type will do, except that accounts payable must be of the type Payable.</source>
        <translation>In Odoo finden Sie diese unter Buchhaltung &gt; Konfiguration &gt; Kontenplan. Jeder Kontotyp ist möglich, nur das Verbindlichkeitenkonto muss vom Typ „Verbindlichkeit“ sein.</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Buchungssatz</translation>
    </message>
    <message>
        <source>Vendor bill</source>
        <translation>Eingangsrechnung</translation>
    </message>
    <message>
        <source>Journal for Pleo expenses (type Miscellaneous):</source>
        <translation>Journal für Pleo-Ausgaben (Typ Sonstiges):</translation>
    </message>
    <message>
        <source>Create {code} &quot;{name}&quot;</source>
        <translation>{code} „{name}“ anlegen</translation>
    </message>
    <message>
        <source>Journal for vendor bills (type Purchase):</source>
        <translation>Journal für Lieferantenrechnungen (Typ Einkauf):</translation>
    </message>
    <message>
        <source>Bank journal of the Pleo wallet, for the bank feed:</source>
        <translation>Bankjournal des Pleo-Wallets, für den Bank-Feed:</translation>
    </message>
    <message>
        <source>The bank feed needs the bank journal of the Pleo wallet: choose it on the page &quot;Bank account and journals&quot;. If Odoo has none yet, create one there (Accounting &gt; Configuration &gt; Journals &gt; New, type Bank, with the Pleo wallet account as its account) and read the journals again.</source>
        <translation>Der Bank-Feed braucht das Bankjournal des Pleo-Wallets: Wählen Sie es auf der Seite „Bankkonto und Journale“. Hat Odoo noch keines, legen Sie dort eines an (Buchhaltung &gt; Konfiguration &gt; Journale &gt; Neu, Typ Bank, mit dem Konto des Pleo-Wallets als Konto) und lesen Sie die Journale erneut.</translation>
    </message>
    <message>
        <source>The Odoo user may not use the chosen company. Choose another one.</source>
        <translation>Der Odoo-Benutzer hat keinen Zugriff auf das gewählte Unternehmen. Wählen Sie ein anderes.</translation>
    </message>
</context>
<context>
    <name>pennylane</name>
    <message>
        <source>Pennylane</source>
        <translation>Pennylane</translation>
    </message>
    <message>
        <source>Ledger entries in a Pleo journal in Pennylane, one per expense with its receipt or one per day or month; analytic categories as Pleo tag groups.</source>
        <translation>Buchungen in einem Pleo-Journal in Pennylane, eine je Ausgabe mit Beleg oder eine je Tag oder Monat; analytische Kategorien als Pleo-Tag-Gruppen.</translation>
    </message>
    <message>
        <source>ledger account</source>
        <translation>Sachkonto</translation>
    </message>
    <message>
        <source>VAT account and rate</source>
        <translation>USt-Konto und Satz</translation>
    </message>
    <message>
        <source>analytic category group</source>
        <translation>Gruppe analytischer Kategorien</translation>
    </message>
    <message>
        <source>analytic category groups</source>
        <translation>Gruppen analytischer Kategorien</translation>
    </message>
    <message>
        <source>Pleo bank ledger account (512…)</source>
        <translation>Pleo-Bank-Sachkonto (512…)</translation>
    </message>
    <message>
        <source>Amounts owed to employees (421…)</source>
        <translation>Den Mitarbeitern geschuldete Beträge (421…)</translation>
    </message>
    <message>
        <source>Counter account of reimbursements paid outside Pleo</source>
        <translation>Gegenkonto der außerhalb von Pleo gezahlten Erstattungen</translation>
    </message>
    <message>
        <source>Suppliers (401…)</source>
        <translation>Lieferanten (401…)</translation>
    </message>
    <message>
        <source>The Pleo bank ledger account is the counter side of each entry: choose a 512 account, or create one (pleodesk proposes 512100 Banque Pleo). The other accounts are only needed for those kinds of expense.</source>
        <translation>Das Pleo-Bank-Sachkonto ist die Gegenseite jeder Buchung: wählen Sie ein 512-Konto oder legen Sie eines an (pleodesk schlägt 512100 Banque Pleo vor). Die anderen Konten werden nur für diese Arten von Ausgaben gebraucht.</translation>
    </message>
    <message>
        <source>Journal for Pleo expenses:</source>
        <translation>Journal für Pleo-Ausgaben:</translation>
    </message>
    <message>
        <source>Create {code} &quot;{name}&quot;</source>
        <translation>{code} &quot;{name}&quot; anlegen</translation>
    </message>
    <message>
        <source>One entry per expense, with its receipt</source>
        <translation>Eine Buchung je Ausgabe, mit ihrem Beleg</translation>
    </message>
    <message>
        <source>One summary entry per day</source>
        <translation>Eine Sammelbuchung je Tag</translation>
    </message>
    <message>
        <source>One summary entry per month</source>
        <translation>Eine Sammelbuchung je Monat</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Category {label} has no ledger account</source>
        <translation>Kategorie {label} hat kein Sachkonto</translation>
    </message>
    <message>
        <source>Choose its ledger account, then press Retry.</source>
        <translation>Wählen Sie das Sachkonto und klicken Sie dann auf Erneut versuchen.</translation>
    </message>
    <message>
        <source>Expenses without a category</source>
        <translation>Ausgaben ohne Kategorie</translation>
    </message>
    <message>
        <source>Give them a category in Pleo, or choose an account for expenses without a category.</source>
        <translation>Geben Sie ihnen in Pleo eine Kategorie oder wählen Sie ein Konto für Ausgaben ohne Kategorie.</translation>
    </message>
    <message>
        <source>Category {label}: its ledger account is not in the ledger</source>
        <translation>Kategorie {label}: Ihr Sachkonto gibt es in der Buchhaltung nicht</translation>
    </message>
    <message>
        <source>Choose another ledger account.</source>
        <translation>Wählen Sie ein anderes Sachkonto.</translation>
    </message>
    <message>
        <source>Category {label}: its ledger account is archived</source>
        <translation>Kategorie {label}: Ihr Sachkonto ist archiviert</translation>
    </message>
    <message>
        <source>Choose an active ledger account.</source>
        <translation>Wählen Sie ein aktives Sachkonto.</translation>
    </message>
    <message>
        <source>Pleo tax code {label} has no tax code in the ledger</source>
        <translation>Pleo-Steuerschlüssel {label} hat keinen Steuerschlüssel in der Buchhaltung</translation>
    </message>
    <message>
        <source>Choose its tax code in the ledger.</source>
        <translation>Wählen Sie den Steuerschlüssel in der Buchhaltung.</translation>
    </message>
    <message>
        <source>Tax code {label} is not in the ledger</source>
        <translation>Steuerschlüssel {label} gibt es in der Buchhaltung nicht</translation>
    </message>
    <message>
        <source>Choose another tax code.</source>
        <translation>Wählen Sie einen anderen Steuerschlüssel.</translation>
    </message>
    <message>
        <source>Tax code {label} is archived in the ledger</source>
        <translation>Steuerschlüssel {label} ist in der Buchhaltung archiviert</translation>
    </message>
    <message>
        <source>Choose an active tax code.</source>
        <translation>Wählen Sie einen aktiven Steuerschlüssel.</translation>
    </message>
    <message>
        <source>Tax code {label} has another rate in the ledger than in Pleo</source>
        <translation>Steuerschlüssel {label} hat in der Buchhaltung einen anderen Satz als in Pleo</translation>
    </message>
    <message>
        <source>Choose the tax code with Pleo&apos;s rate.</source>
        <translation>Wählen Sie den Steuerschlüssel mit dem Satz aus Pleo.</translation>
    </message>
    <message>
        <source>Tax code {label} has no tax account in the ledger</source>
        <translation>Steuerschlüssel {label} hat kein Steuerkonto in der Buchhaltung</translation>
    </message>
    <message>
        <source>Give the tax code its tax account in the ledger.</source>
        <translation>Hinterlegen Sie beim Steuerschlüssel in der Buchhaltung ein Steuerkonto.</translation>
    </message>
    <message>
        <source>Tag {label} has no value in the ledger</source>
        <translation>Label {label} hat keinen Wert in der Buchhaltung</translation>
    </message>
    <message>
        <source>Choose its value under Labels.</source>
        <translation>Wählen Sie den Wert unter Labels.</translation>
    </message>
    <message>
        <source>Tag group {label}: its dimension is not in the ledger</source>
        <translation>Label-Gruppe {label}: Ihre Dimension gibt es in der Buchhaltung nicht</translation>
    </message>
    <message>
        <source>Choose another dimension under Labels.</source>
        <translation>Wählen Sie unter Labels eine andere Dimension.</translation>
    </message>
    <message>
        <source>Tag {label}: its value is not in the ledger</source>
        <translation>Label {label}: Sein Wert steht nicht in der Buchhaltung</translation>
    </message>
    <message>
        <source>Choose another value under Labels.</source>
        <translation>Wählen Sie unter Labels einen anderen Wert.</translation>
    </message>
    <message>
        <source>Tag {label}: its value is archived in the ledger</source>
        <translation>Label {label}: Sein Wert ist in der Buchhaltung archiviert</translation>
    </message>
    <message>
        <source>Choose an active value under Labels.</source>
        <translation>Wählen Sie unter Labels einen aktiven Wert.</translation>
    </message>
    <message>
        <source>Two tags give one dimension two values ({label})</source>
        <translation>Zwei Labels geben einer Dimension zwei Werte ({label})</translation>
    </message>
    <message>
        <source>Map the tags so that each line gets one value per dimension.</source>
        <translation>Ordnen Sie die Labels so zu, dass jede Zeile einen Wert je Dimension erhält.</translation>
    </message>
    <message>
        <source>No counter account chosen for: {label}</source>
        <translation>Kein Gegenkonto gewählt für: {label}</translation>
    </message>
    <message>
        <source>Choose it under Accounts.</source>
        <translation>Wählen Sie es unter Konten.</translation>
    </message>
    <message>
        <source>The counter account for {label} cannot be used in the ledger</source>
        <translation>Das Gegenkonto für {label} ist in der Buchhaltung nicht verwendbar</translation>
    </message>
    <message>
        <source>Choose an active account under Accounts.</source>
        <translation>Wählen Sie unter Konten ein aktives Konto.</translation>
    </message>
    <message>
        <source>Pleo&apos;s amounts do not add up ({label})</source>
        <translation>Die Beträge aus Pleo gehen nicht auf ({label})</translation>
    </message>
    <message>
        <source>Check the expense in Pleo, then press Retry.</source>
        <translation>Prüfen Sie die Ausgabe in Pleo und klicken Sie dann auf Erneut versuchen.</translation>
    </message>
    <message>
        <source>This kind of expense cannot be booked ({label})</source>
        <translation>Diese Art von Ausgabe kann nicht gebucht werden ({label})</translation>
    </message>
    <message>
        <source>Book it by hand in the ledger.</source>
        <translation>Buchen Sie sie von Hand in der Buchhaltung.</translation>
    </message>
    <message>
        <source>no category, and no account for expenses without a category</source>
        <translation>keine Kategorie und kein Konto für Ausgaben ohne Kategorie</translation>
    </message>
    <message>
        <source>category {key}: no ledger account</source>
        <translation>Kategorie {key}: kein Sachkonto</translation>
    </message>
    <message>
        <source>category {key}: account {account} is not in the ledger</source>
        <translation>Kategorie {key}: Konto {account} gibt es in der Buchhaltung nicht</translation>
    </message>
</context>
<context>
    <name>quickbooks</name>
    <message>
        <source>QuickBooks Online</source>
        <extracomment>The keyring entry (``connections.ledger_secret_name(conn_id, SECRET)``) that holds the token set.</extracomment>
        <translation>QuickBooks Online</translation>
    </message>
    <message>
        <source>Expenses in QuickBooks&apos; Expenses list on a Pleo bank account, receipts attached; classes, projects and locations as Pleo tags.</source>
        <translation>Ausgaben in der Ausgabenliste von QuickBooks auf einem Pleo-Bankkonto, mit Belegen; Klassen, Projekte und Standorte als Pleo-Tags.</translation>
    </message>
    <message>
        <source>QuickBooks account</source>
        <translation>QuickBooks-Konto</translation>
    </message>
    <message>
        <source>QuickBooks VAT code</source>
        <translation>QuickBooks-USt-Code</translation>
    </message>
    <message>
        <source>class, project or location</source>
        <translation>Klasse, Projekt oder Standort</translation>
    </message>
    <message>
        <source>classes, projects and locations</source>
        <translation>Klassen, Projekte und Standorte</translation>
    </message>
    <message>
        <source>Pleo bank account in QuickBooks</source>
        <translation>Pleo-Bankkonto in QuickBooks</translation>
    </message>
    <message>
        <source>Pleo Pocket bank account in QuickBooks</source>
        <translation>Pleo-Pocket-Bankkonto in QuickBooks</translation>
    </message>
    <message>
        <source>Bank account reimbursements are paid from</source>
        <translation>Bankkonto, von dem Erstattungen gezahlt werden</translation>
    </message>
    <message>
        <source>Accounts payable (for Pleo invoices, booked as bills)</source>
        <translation>Verbindlichkeiten (für Pleo-Rechnungen, als Eingangsrechnungen gebucht)</translation>
    </message>
    <message>
        <source>Choose the Pleo bank account created on the previous page (Banque Pleo), and the Pleo Pocket account if you use Pleo Pocket. In QuickBooks these are under Settings &gt; Chart of accounts.</source>
        <translation>Wählen Sie das auf der vorigen Seite erstellte Pleo-Bankkonto (Banque Pleo) und das Pleo-Pocket-Konto, wenn Sie Pleo Pocket nutzen. In QuickBooks finden Sie sie unter Einstellungen &gt; Kontenplan.</translation>
    </message>
    <message>
        <source>QuickBooks Online takes no bank feed from apps: QuickBooks&apos; own bank connections bring the statement lines.</source>
        <translation>QuickBooks Online nimmt keinen Bank-Feed von Apps an: die eigenen Bankverbindungen von QuickBooks liefern die Kontoauszugszeilen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Num&amp;ber:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>&amp;Journal code:</source>
        <translation>&amp;Journalcode:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>Journal code</source>
        <translation>Journalcode</translation>
    </message>
    <message>
        <source>In QuickBooks, open Settings &gt; Apps &gt; Connected apps and disconnect pleodesk from this company.</source>
        <translation>Öffnen Sie in QuickBooks Einstellungen &gt; Apps &gt; Verbundene Apps und trennen Sie pleodesk von diesem Unternehmen.</translation>
    </message>
</context>
<context>
    <name>skips</name>
    <message>
        <source>personal spend is settled with the employee, not booked</source>
        <translation>private Ausgaben werden mit dem Mitarbeiter verrechnet, nicht gebucht</translation>
    </message>
    <message>
        <source>wallet top-ups and unloads are not exported (setting)</source>
        <translation>Aufladungen und Abhebungen des Wallets werden nicht exportiert (Einstellung)</translation>
    </message>
    <message>
        <source>nothing to book: every amount is zero</source>
        <translation>nichts zu buchen: jeder Betrag ist null</translation>
    </message>
    <message>
        <source>nothing waiting for export</source>
        <translation>nichts wartet auf den Export</translation>
    </message>
    <message>
        <source>bank feed is off for this connection</source>
        <translation>der Bank-Feed ist für diese Verbindung aus</translation>
    </message>
    <message>
        <source>this accounting system takes no bank feed</source>
        <translation>diese Buchhaltung nimmt keinen Bank-Feed an</translation>
    </message>
    <message>
        <source>bank feed not available</source>
        <translation>Bank-Feed nicht verfügbar</translation>
    </message>
    <message>
        <source>reimbursement paid outside Pleo</source>
        <translation>Erstattung außerhalb von Pleo bezahlt</translation>
    </message>
    <message>
        <source>reimbursement not exported yet (its kind is not known)</source>
        <translation>Erstattung noch nicht exportiert (ihre Art ist noch nicht bekannt)</translation>
    </message>
    <message>
        <source>not in the wallet currency</source>
        <translation>nicht in der Währung des Wallets</translation>
    </message>
    <message>
        <source>connection deactivated</source>
        <translation>Verbindung deaktiviert</translation>
    </message>
    <message>
        <source>connection disconnected: reconnect it</source>
        <translation>Verbindung getrennt: neu verbinden</translation>
    </message>
    <message>
        <source>Lexware Office does not take reimbursements (Privatauslagen): book it by hand</source>
        <translation>Lexware Office ist nicht mit Privatauslagen kompatibel: von Hand buchen</translation>
    </message>
    <message>
        <source>wallet top-ups and unloads are added by hand in Lexware Office</source>
        <translation>Wallet-Aufladungen und -Abhebungen werden in Lexware Office von Hand erfasst</translation>
    </message>
    <message>
        <source>invoice payments are added by hand in Lexware Office and matched to their invoice (the bank feed does not carry them)</source>
        <translation>Rechnungszahlungen werden in Lexware Office von Hand erfasst und ihrer Rechnung zugeordnet (der Bank-Feed enthält sie nicht)</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The pleodesk database {path} is damaged (it is not a readable database), so pleodesk changed nothing. Restore the file from a backup, or move it away to start afresh (then set up the connections again).</source>
        <translation>Die pleodesk-Datenbank {path} ist beschädigt (keine lesbare Datenbank), daher hat pleodesk nichts geändert. Stellen Sie die Datei aus einer Sicherung wieder her oder verschieben Sie sie, um neu zu beginnen (richten Sie danach die Verbindungen erneut ein).</translation>
    </message>
    <message>
        <source>This data was written by a newer pleodesk (database schema {revision}). Update pleodesk to open it; nothing was changed.</source>
        <translation>Diese Daten wurden von einem neueren pleodesk geschrieben (Datenbankschema {revision}). Aktualisieren Sie pleodesk, um sie zu öffnen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>pleodesk cannot write to its data folder {folder}: it is read-only for this user. Make it writable (or set PLEODESK_HOME to a folder that is) and try again; nothing was changed.</source>
        <translation>pleodesk kann nicht in seinen Datenordner {folder} schreiben: er ist für diesen Benutzer schreibgeschützt. Machen Sie ihn beschreibbar (oder setzen Sie PLEODESK_HOME auf einen beschreibbaren Ordner) und versuchen Sie es erneut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>pleodesk could not write to its data folder {folder}: the disk is full (or failing). Free some space and try again; what was saved before is intact.</source>
        <translation>pleodesk konnte nicht in seinen Datenordner {folder} schreiben: der Datenträger ist voll (oder fehlerhaft). Schaffen Sie Platz und versuchen Sie es erneut; was zuvor gespeichert wurde, ist unversehrt.</translation>
    </message>
</context>
<context>
    <name>systems</name>
    <message>
        <source>ledger account</source>
        <translation>Sachkonto</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>Steuerschlüssel</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>Pleo wallet (the Pleo bank account)</source>
        <translation>Pleo-Wallet (das Pleo-Bankkonto)</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses owed to employees</source>
        <translation>Auslagen, die Mitarbeitenden zustehen</translation>
    </message>
    <message>
        <source>Reimbursements paid outside Pleo</source>
        <translation>Außerhalb von Pleo gezahlte Erstattungen</translation>
    </message>
    <message>
        <source>Accounts payable (vendor bills)</source>
        <translation>Verbindlichkeiten (Eingangsrechnungen)</translation>
    </message>
    <message>
        <source>Choose the accounts Pleo&apos;s money moves through. Only the Pleo wallet is required.</source>
        <translation>Wählen Sie die Konten, über die das Pleo-Geld läuft. Nur das Pleo-Wallet ist Pflicht.</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>The demo company could not be started: {error}</source>
        <translation>Das Demo-Unternehmen konnte nicht gestartet werden: {error}</translation>
    </message>
</context>
<context>
    <name>wizard</name>
    <message>
        <source>{company} – {ledger}</source>
        <translation>{company} – {ledger}</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Setup not finished</source>
        <translation>Einrichtung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Nachholen</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Export queue job</source>
        <translation>Exportauftrag aus der Warteschlange</translation>
    </message>
    <message>
        <source>Export a month</source>
        <translation>Einen Monat exportieren</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Exportwarteschlange</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Bank-Feed</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplante Synchronisation</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Connection check</source>
        <translation>Verbindungsprüfung</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Fertig, mit Problemen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exportiert</translation>
    </message>
    <message>
        <source>already in the ledger</source>
        <translation>schon gebucht</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>held</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>receipt problems</source>
        <translation>Belegprobleme</translation>
    </message>
    <message>
        <source>sent to the feed</source>
        <translation>an den Feed gesendet</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <source>already sent</source>
        <translation>schon gesendet</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>insgesamt</translation>
    </message>
    <message>
        <source>with a VAT rounding line</source>
        <translation>mit einer MwSt.-Rundungszeile</translation>
    </message>
</context>
<context>
    <name>xero</name>
    <message>
        <source>Xero</source>
        <extracomment>The keyring entry (``connections.ledger_secret_name(conn_id, SECRET)``) that holds the token set.</extracomment>
        <translation>Xero</translation>
    </message>
    <message>
        <source>Spend money on a Pleo bank account in Xero (bills for out-of-pocket expenses if you prefer), receipts attached, tracking categories as Pleo tag groups.</source>
        <translation>Spend Money auf einem Pleo-Bankkonto in Xero (für Auslagen auf Wunsch Bills), mit den Belegen als Anhang; Pleo-Label-Gruppen als Tracking-Kategorien.</translation>
    </message>
    <message>
        <source>Xero account</source>
        <translation>Xero-Konto</translation>
    </message>
    <message>
        <source>Xero tax rate</source>
        <translation>Xero-Steuersatz</translation>
    </message>
    <message>
        <source>tracking category</source>
        <translation>Tracking-Kategorie</translation>
    </message>
    <message>
        <source>tracking categories</source>
        <translation>Tracking-Kategorien</translation>
    </message>
    <message>
        <source>Pleo bank account in Xero</source>
        <translation>Pleo-Bankkonto in Xero</translation>
    </message>
    <message>
        <source>Out-of-pocket bank account in Xero</source>
        <translation>Bankkonto für Auslagen in Xero</translation>
    </message>
    <message>
        <source>Bank account reimbursements are paid from</source>
        <translation>Bankkonto, von dem Erstattungen gezahlt werden</translation>
    </message>
    <message>
        <source>Accounts payable (for Pleo invoices, booked as bills)</source>
        <translation>Verbindlichkeiten (für über Pleo bezahlte Rechnungen, als Bills gebucht)</translation>
    </message>
    <message>
        <source>In Xero these are under Accounting &gt; Chart of accounts. The Pleo wallet and out-of-pocket accounts must be bank accounts: pleodesk created PLEOBANK and PLEOPOCKET for you where Xero allowed it.</source>
        <translation>In Xero finden Sie diese unter Accounting &gt; Chart of accounts. Die Konten für das Pleo-Wallet und die Auslagen müssen Bankkonten sein: pleodesk hat PLEOBANK und PLEOPOCKET für Sie angelegt, wo Xero es zuließ.</translation>
    </message>
    <message>
        <source>Spend money on the out-of-pocket bank account</source>
        <translation>Spend Money auf dem Bankkonto für Auslagen</translation>
    </message>
    <message>
        <source>A bill to the employee</source>
        <translation>Eine Bill (Eingangsrechnung) auf den Namen der mitarbeitenden Person</translation>
    </message>
    <message>
        <source>Xero did not let pleodesk create these accounts in {organisation}, so this is one step by hand:</source>
        <translation>Xero hat pleodesk diese Konten in {organisation} nicht anlegen lassen, daher ist dies ein Schritt von Hand:</translation>
    </message>
    <message>
        <source>Xero does not let apps add bank accounts to a US organisation.</source>
        <translation>Xero lässt Apps keine Bankkonten zu einer US-Organisation hinzufügen.</translation>
    </message>
    <message>
        <source>The organisation cannot use {currency} yet: add it in Xero under Settings &gt; Currencies (it needs a Xero plan with multiple currencies).</source>
        <translation>Die Organisation kann {currency} noch nicht verwenden: Fügen Sie die Währung in Xero unter Settings &gt; Currencies hinzu (dafür ist ein Xero-Tarif mit mehreren Währungen nötig).</translation>
    </message>
    <message>
        <source>• The Pleo bank account: in Xero, add a bank account in {currency} (Accounting &gt; Chart of accounts &gt; Add Bank Account), for example named &quot;Pleo Account&quot;.</source>
        <translation>• Das Pleo-Bankkonto: Legen Sie in Xero ein Bankkonto in {currency} an (Accounting &gt; Chart of accounts &gt; Add Bank Account), zum Beispiel mit dem Namen „Pleo Account“.</translation>
    </message>
    <message>
        <source>• The out-of-pocket account: add another bank account in {currency}, for example named &quot;Pleo out-of-pocket&quot; (or book out-of-pocket expenses as bills to the employee, on the page Export options).</source>
        <translation>• Das Konto für Auslagen: Legen Sie ein weiteres Bankkonto in {currency} an, zum Beispiel mit dem Namen „Pleo out-of-pocket“ (oder buchen Sie Auslagen als Rechnungen an den Mitarbeiter, auf der Seite Exportoptionen).</translation>
    </message>
    <message>
        <source>• The account for expenses without a category: add an expense account, for example named &quot;Pleo expenses without category&quot;.</source>
        <translation>• Das Konto für Ausgaben ohne Kategorie: Legen Sie ein Aufwandskonto an, zum Beispiel mit dem Namen „Pleo expenses without category“.</translation>
    </message>
    <message>
        <source>Then press Read the chart again and choose them below. An existing bank account in {currency} can be chosen as well.</source>
        <translation>Klicken Sie danach auf Kontenplan erneut lesen und wählen Sie sie unten aus. Sie können auch ein vorhandenes Bankkonto in {currency} wählen.</translation>
    </message>
    <message>
        <source>Xero lets only approved banking partners send bank feeds, so pleodesk writes the statement lines to files (OFX and CSV) in {folder}. In Xero, open the Pleo bank account ({account}), choose Import a statement and pick the newest file; lines imported before are skipped.</source>
        <translation>Xero lässt nur zugelassene Bankpartner Bank-Feeds senden, deshalb schreibt pleodesk die Kontoauszugszeilen in Dateien (OFX und CSV) in {folder}. Öffnen Sie in Xero das Pleo-Bankkonto ({account}), wählen Sie Import a statement und wählen Sie die neueste Datei; bereits importierte Zeilen werden übersprungen.</translation>
    </message>
    <message>
        <source>In Xero, open Settings &gt; Connected apps and disconnect pleodesk from this organisation.</source>
        <translation>Öffnen Sie in Xero Settings &gt; Connected apps und trennen Sie pleodesk von dieser Organisation.</translation>
    </message>
</context>
</TS>
