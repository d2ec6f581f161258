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
    <message>
        <source>{count} accounts in the ledger.</source>
        <translation>{count} Konten in der Buchhaltung.</translation>
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
    <message>
        <source>{unmapped} of {total} categories are not mapped yet; their expenses will be held until they are.</source>
        <translation>{unmapped} von {total} Kategorien sind noch nicht zugeordnet; ihre Ausgaben werden bis dahin zurückgehalten.</translation>
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
        <source>Map every unmapped category whose code or name the ledger also has.</source>
        <translation>Ordnet jede nicht zugeordnete Kategorie zu, deren Code oder Name es auch in der Buchhaltung gibt.</translation>
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
        <source>Ledger account for {category}</source>
        <translation>Sachkonto für {category}</translation>
    </message>
    <message>
        <source>Tax code for {category}</source>
        <translation>Steuerschlüssel für {category}</translation>
    </message>
    <message>
        <source>{count} mapping(s) added automatically</source>
        <translation>{count} Zuordnung(en) automatisch hinzugefügt</translation>
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
        <source>Chart of accounts</source>
        <translation>Kontenplan</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
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
        <source>This user may book in {n} companies: choose the one for this connection, then press Next.</source>
        <translation>Dieser Benutzer darf in {n} Unternehmen buchen: Wählen Sie das für diese Verbindung und drücken Sie dann Weiter.</translation>
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
        <source>This user may book in {n} companies: choose the one for this connection, then press Next again.</source>
        <translation>Dieser Benutzer darf in {n} Unternehmen buchen: Wählen Sie das für diese Verbindung und klicken Sie erneut auf Weiter.</translation>
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
        <source>Xero app client id</source>
        <translation>Client-ID der Xero-App</translation>
    </message>
    <message>
        <source>pleodesk&apos;s own Xero app</source>
        <translation>die eigene Xero-App von pleodesk</translation>
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
        <source>&amp;Sign in to Xero…</source>
        <translation>Bei Xero &amp;anmelden…</translation>
    </message>
    <message>
        <source>Sign in to Xero in the browser</source>
        <translation>Im Browser bei Xero anmelden</translation>
    </message>
    <message>
        <source>Stop &amp;waiting</source>
        <translation>&amp;Warten beenden</translation>
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
        <source>With your own Xero app (developer.xero.com &gt; My Apps, type &quot;Auth Code with PKCE&quot;), register the redirect URIs http://localhost:53682/callback, http://localhost:53683/callback and http://localhost:53684/callback. Xero counts every connected organisation against the app&apos;s plan.</source>
        <translation>Mit einer eigenen Xero-App (developer.xero.com &gt; My Apps, Typ &quot;Auth Code with PKCE&quot;) registrieren Sie die Redirect-URIs http://localhost:53682/callback, http://localhost:53683/callback und http://localhost:53684/callback. Xero rechnet jede verbundene Organisation auf den Tarif der App an.</translation>
    </message>
    <message>
        <source>Connected to {name}. Sign in again only to renew the connection.</source>
        <translation>Verbunden mit {name}. Melden Sie sich nur erneut an, um die Verbindung zu erneuern.</translation>
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
        <source>Stopped waiting for Xero. Press Sign in to Xero to try again.</source>
        <translation>Warten auf Xero beendet. Drücken Sie Bei Xero anmelden, um es erneut zu versuchen.</translation>
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
    <name>ExpensesModel</name>
    <message>
        <source>Date</source>
        <extracomment>The filter buttons: a label key -&gt; the record statuses it shows.</extracomment>
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
    <message>
        <source>No preview: {reason}</source>
        <translation>Keine Vorschau: {reason}</translation>
    </message>
    <message>
        <source>Nothing of {month} is waiting for export in Pleo.</source>
        <translation>In Pleo wartet nichts aus {month} auf den Export.</translation>
    </message>
    <message>
        <source>{count} expenses waiting for export, {total} in all; {already} of them already in the ledger.</source>
        <translation>{count} Ausgaben warten auf den Export, insgesamt {total}; {already} davon sind schon gebucht.</translation>
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
    <message>
        <source>{n} expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each expense&apos;s details.</source>
        <translation>{n} Ausgabe(n) erhielten eine MwSt.-Rundungszeile: Die Buchhaltung berechnet die MwSt. selbst und kam auf einen Cent mehr oder weniger als Pleo, daher steht dieser Cent auf einer eigenen Zeile. Der Reiter Ausgaben zeigt es in den Details jeder Ausgabe.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
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
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most five. Choose one for each group you want to see in the ledger; each tag then becomes a value.</source>
        <translation>Die Label-Gruppen von Pleo können als {dimensions} in die Buchhaltung gehen, höchstens fünf. Wählen Sie eine für jede Gruppe, die Sie dort sehen möchten; jedes Label wird dann ein Wert.</translation>
    </message>
    <message>
        <source>Pleo tag group</source>
        <translation>Pleo-Label-Gruppe</translation>
    </message>
    <message>
        <source>This Pleo company has no tag groups; there is nothing to map.</source>
        <translation>Dieses Pleo-Unternehmen hat keine Label-Gruppen; es gibt nichts zuzuordnen.</translation>
    </message>
    <message>
        <source>The ledger has no {dimensions}; tags will not be exported.</source>
        <translation>Die Buchhaltung hat keine {dimensions}; Labels werden nicht exportiert.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pleodesk</source>
        <translation>pleodesk</translation>
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
    <message>
        <source>{n} expenses are held or failed: nothing was lost, but they are not in the ledger yet.</source>
        <translation>{n} Ausgaben sind zurückgehalten oder fehlgeschlagen: Nichts ging verloren, aber sie sind noch nicht gebucht.</translation>
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
        <source>Delete {name} with its mappings and history? The ledger keeps what was exported. This cannot be undone.</source>
        <translation>{name} mit Zuordnungen und Verlauf löschen? Was exportiert wurde, bleibt in der Buchhaltung. Das lässt sich nicht rückgängig machen.</translation>
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
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Probleme ({n})</translation>
    </message>
    <message>
        <source>{n} expenses need attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</source>
        <translation>{n} Ausgaben brauchen Aufmerksamkeit. Beheben Sie die Ursache und klicken Sie auf Erneut versuchen: Was schon gebucht ist, wird nie doppelt gesendet.</translation>
    </message>
    <message>
        <source>No problems: everything that was read from Pleo is exported or waiting.</source>
        <translation>Keine Probleme: Alles, was aus Pleo gelesen wurde, ist exportiert oder wartet.</translation>
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
        <source>No receipt</source>
        <translation>Kein Beleg</translation>
    </message>
    <message>
        <source>The receipt is fetched when the expense is exported.</source>
        <translation>Der Beleg wird beim Export der Ausgabe abgeholt.</translation>
    </message>
    <message>
        <source>Receipt not downloaded</source>
        <translation>Beleg nicht heruntergeladen</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>PDF ö&amp;ffnen</translation>
    </message>
    <message>
        <source>{n} more attachment(s)</source>
        <translation>{n} weitere(r) Anhang/Anhänge</translation>
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
        <source>&amp;Stop waiting</source>
        <translation>&amp;Warten beenden</translation>
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
    <message>
        <source>Each day is synced {delay} day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>Jeder Tag wird {delay} Tag(e) nach seinem Ende synchronisiert; der erste, {day}, am {due}.</translation>
    </message>
    <message>
        <source>Each month is synced {delay} day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>Jeder Monat wird {delay} Tag(e) nach seinem Ende synchronisiert; der erste, {day}, am {due}.</translation>
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
        <source>{cats} categories, {taxes} VAT codes and {groups} tag groups mapped.</source>
        <translation>{cats} Kategorien, {taxes} Steuerschlüssel und {groups} Label-Gruppen zugeordnet.</translation>
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
    <message>
        <source>{n} exported as {dimensions}</source>
        <translation>{n} exportiert als {dimensions}</translation>
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
    <message>
        <source>not exported</source>
        <translation>nicht exportiert</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Exportwarteschlange</translation>
    </message>
    <message>
        <source>every {n} minutes</source>
        <translation>alle {n} Minuten</translation>
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
        <source>Tag groups and their dimensions</source>
        <translation>Label-Gruppen und ihre Dimensionen</translation>
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
        <source>— not exported —</source>
        <translation>— nicht exportiert —</translation>
    </message>
    <message>
        <source>{name} (not in the ledger)</source>
        <translation>{name} (nicht in der Buchhaltung)</translation>
    </message>
    <message>
        <source>Dimension for tag group {group}</source>
        <translation>Dimension für Label-Gruppe {group}</translation>
    </message>
    <message>
        <source>At most five</source>
        <translation>Höchstens fünf</translation>
    </message>
    <message>
        <source>At most {n} tag groups can be exported as {dimensions}. Stop exporting another group first.</source>
        <translation>Höchstens {n} Label-Gruppen können als {dimensions} exportiert werden. Beenden Sie zuerst den Export einer anderen Gruppe.</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— nicht zugeordnet —</translation>
    </message>
    <message>
        <source>— choose a dimension first —</source>
        <translation>— zuerst eine Dimension wählen —</translation>
    </message>
    <message>
        <source>Value for tag {tag}</source>
        <translation>Wert für Label {tag}</translation>
    </message>
    <message>
        <source>{groups} of at most {max} tag groups exported; {tags} tags mapped.</source>
        <translation>{groups} von höchstens {max} Label-Gruppen exportiert; {tags} Labels zugeordnet.</translation>
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
        <source>{name}: {what} — {status}</source>
        <translation>{name}: {what} — {status}</translation>
    </message>
    <message>
        <source>pleodesk: {n} expenses need attention</source>
        <translation>pleodesk: {n} Ausgaben brauchen Aufmerksamkeit</translation>
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
    <name>journal_file</name>
    <message>
        <source>General journal file (CSV)</source>
        <translation>Journaldatei (CSV)</translation>
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
        <source>invoice payments are matched in Lexware Office from the bank feed, not exported</source>
        <translation>Rechnungszahlungen werden in Lexware Office über den Bank-Feed zugeordnet, nicht exportiert</translation>
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
