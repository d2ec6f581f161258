<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Bank account and journals</source>
        <translation>Bankrekening en dagboeken</translation>
    </message>
    <message>
        <source>Accounts to create by hand</source>
        <translation>Rekeningen om zelf aan te maken</translation>
    </message>
    <message>
        <source>Read the &amp;chart again</source>
        <translation>Rekening&amp;schema opnieuw lezen</translation>
    </message>
    <message>
        <source>Read the chart of accounts again</source>
        <translation>Het rekeningschema opnieuw lezen</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>Dagboeken</translation>
    </message>
    <message>
        <source>Each expense is booked against one of these: card expenses against the Pleo wallet, expenses employees paid themselves against what the company owes them.</source>
        <translation>Elke uitgave wordt tegen een van deze rekeningen geboekt: kaartuitgaven tegen de Pleo-wallet, zelf voorgeschoten uitgaven tegen wat het bedrijf de werknemer verschuldigd is.</translation>
    </message>
    <message>
        <source>Reading the chart of accounts…</source>
        <translation>Rekeningschema wordt gelezen…</translation>
    </message>
    <message>
        <source>&amp;Read the journals again</source>
        <translation>Dagboeken opnieuw &amp;lezen</translation>
    </message>
    <message>
        <source>The journals could not be read: {error}</source>
        <translation>De dagboeken konden niet worden gelezen: {error}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in the ledger.</source>
        <translation>
            <numerusform>%n rekening in de boekhouding.</numerusform>
            <numerusform>%n rekeningen in de boekhouding.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chart of accounts could not be read: {error}</source>
        <translation>Het rekeningschema kon niet worden gelezen: {error}</translation>
    </message>
    <message>
        <source>Created {code} {name}.</source>
        <translation>{code} {name} aangemaakt.</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Each Pleo category goes to a ledger account, with a tax code when Pleo sends none. Expenses in a category that is not mapped wait until it is; nothing is lost.</source>
        <translation>Elke Pleo-categorie gaat naar een grootboekrekening, met een btw-code als Pleo er geen meestuurt. Uitgaven in een categorie zonder koppeling wachten tot die er is; er gaat niets verloren.</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Categorieën</translation>
    </message>
    <message>
        <source>&amp;VAT codes</source>
        <translation>&amp;Btw-codes</translation>
    </message>
    <message>
        <source>Create a 0 % purchase &amp;tax in the ledger</source>
        <translation>Een 0 %-inkoop&amp;tarief aanmaken in het grootboek</translation>
    </message>
    <message>
        <source>For Pleo&apos;s 0 % VAT codes: the ledger has no purchase tax of 0 %. pleodesk creates one and maps them to it.</source>
        <translation>Voor de btw-codes van 0 % van Pleo: het grootboek heeft geen inkooptarief van 0 %. pleodesk maakt er een aan en koppelt ze eraan.</translation>
    </message>
    <message>
        <source>Creating the 0 % purchase tax in the ledger…</source>
        <translation>Het inkooptarief van 0 % wordt in het grootboek aangemaakt…</translation>
    </message>
    <message>
        <source>Created the tax {code} in the ledger; Pleo&apos;s {keys} now go to it.</source>
        <translation>Tarief {code} is in het grootboek aangemaakt; {keys} van Pleo gaan er nu naartoe.</translation>
    </message>
    <message>
        <source>Reading Pleo&apos;s categories and the ledger&apos;s accounts…</source>
        <translation>Categorieën van Pleo en grootboekrekeningen worden gelezen…</translation>
    </message>
    <message>
        <source>Pleo category</source>
        <translation>Pleo-categorie</translation>
    </message>
    <message>
        <source>Name shown to employees</source>
        <translation>Naam voor werknemers</translation>
    </message>
    <message>
        <source>Could not read the categories: {error}</source>
        <translation>De categorieën konden niet worden gelezen: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} categories not mapped yet; their expenses will be held until they are.</source>
        <translation>
            <numerusform>%n van {total} categorieën nog niet gekoppeld; de uitgaven ervan worden tegengehouden tot dat gebeurt.</numerusform>
            <numerusform>%n van {total} categorieën nog niet gekoppeld; hun uitgaven worden tegengehouden tot dat gebeurt.</numerusform>
        </translation>
    </message>
    <message>
        <source>All {total} categories are mapped.</source>
        <translation>Alle {total} categorieën zijn gekoppeld.</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <source>Search categories or accounts</source>
        <translation>Zoek categorieën of rekeningen</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>Categorieën zoeken</translation>
    </message>
    <message>
        <source>Only &amp;unmapped</source>
        <translation>Alleen &amp;ongekoppeld</translation>
    </message>
    <message>
        <source>&amp;Match automatically</source>
        <translation>Automatisch &amp;koppelen</translation>
    </message>
    <message>
        <source>Map every unmapped category to the ledger account with the same code or name, among the accounts of a type that can take it.</source>
        <translation>Koppel elke ongekoppelde categorie aan de grootboekrekening met dezelfde code of naam, onder de rekeningen van een soort die haar kan hebben.</translation>
    </message>
    <message>
        <source>Mapped and unmapped categories</source>
        <translation>Gekoppelde en ongekoppelde categorieën</translation>
    </message>
    <message>
        <source>Pleo category</source>
        <translation>Pleo-categorie</translation>
    </message>
    <message>
        <source>Name shown to employees</source>
        <translation>Naam voor werknemers</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Grootboekrekening</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Btw-code</translation>
    </message>
    <message>
        <source>Categories and their ledger accounts</source>
        <translation>Categorieën en hun grootboekrekeningen</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— niet gekoppeld —</translation>
    </message>
    <message>
        <source>— as Pleo sends it —</source>
        <translation>— zoals Pleo het stuurt —</translation>
    </message>
    <message>
        <source>Matched automatically: check the account.</source>
        <translation>Automatisch gekoppeld: controleer de rekening.</translation>
    </message>
    <message>
        <source>Ledger account for {category}</source>
        <translation>Grootboekrekening voor {category}</translation>
    </message>
    <message>
        <source>Tax code for {category}</source>
        <translation>Btw-code voor {category}</translation>
    </message>
    <message numerus="yes">
        <source>%n mapping(s) added automatically</source>
        <translation>
            <numerusform>%n koppeling automatisch toegevoegd</numerusform>
            <numerusform>%n koppelingen automatisch toegevoegd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched automatically (highlighted): check them</source>
        <translation>
            <numerusform>%n automatisch gekoppeld (gemarkeerd): controleer deze</numerusform>
            <numerusform>%n automatisch gekoppeld (gemarkeerd): controleer ze</numerusform>
        </translation>
    </message>
    <message>
        <source>{mapped} mapped · {unmapped} unmapped</source>
        <translation>{mapped} gekoppeld · {unmapped} niet gekoppeld</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect the journal file</source>
        <translation>Journaalbestand koppelen</translation>
    </message>
    <message>
        <source>pleodesk writes each expense as a balanced entry to journal.csv in a folder you choose, with its receipts in a receipts folder beside it. Your bookkeeping software imports the file.</source>
        <translation>pleodesk schrijft elke uitgave als sluitende journaalpost naar journal.csv in een map naar keuze, met de bonnetjes in een map receipts ernaast. Uw boekhoudpakket leest het bestand in.</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Map voor het journaal</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>Choose the journal folder</source>
        <translation>Kies de map voor het journaal</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Map:</translation>
    </message>
    <message>
        <source>Which accounts may entries use?</source>
        <translation>Welke rekeningen mogen de boekingen gebruiken?</translation>
    </message>
    <message>
        <source>The accounts, VAT codes and tag groups &amp;Pleo already has (recommended)</source>
        <translation>De rekeningen, btw-codes en labelgroepen die &amp;Pleo al kent (aanbevolen)</translation>
    </message>
    <message>
        <source>A chart of accounts &amp;exported from my ledger (CSV: code;name;type)</source>
        <translation>Een rekeningschema &amp;geëxporteerd uit mijn boekhouding (CSV: code;naam;soort)</translation>
    </message>
    <message>
        <source>Chart of accounts file</source>
        <translation>Bestand met rekeningschema</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <source>Missing accounts (such as the Pleo bank account) can be created on the next page.</source>
        <translation>Ontbrekende rekeningen (zoals de Pleo-bankrekening) kunt u op de volgende pagina aanmaken.</translation>
    </message>
    <message>
        <source>Folder for the journal</source>
        <translation>Map voor het journaal</translation>
    </message>
    <message>
        <source>FEC file for a French ledger</source>
        <translation>FEC-bestand voor een Franse boekhouding</translation>
    </message>
    <message>
        <source>Each export writes an FEC (fichier des écritures comptables, LPF art. A47 A-1) in a folder of its own, with the receipts beside it; your ledger imports it.</source>
        <translation>Elke export schrijft een FEC (fichier des écritures comptables, LPF art. A47 A-1) in een eigen map, met de bonnen ernaast; uw boekhouding importeert het.</translation>
    </message>
    <message>
        <source>FEC folder</source>
        <translation>FEC-map</translation>
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
        <translation>Boekhouding die het bestand importeert</translation>
    </message>
    <message>
        <source>&amp;Ledger:</source>
        <translation>&amp;Boekhouding:</translation>
    </message>
    <message>
        <source>Journal code</source>
        <translation>Dagboekcode</translation>
    </message>
    <message>
        <source>&amp;Journal code:</source>
        <translation>&amp;Dagboekcode:</translation>
    </message>
    <message>
        <source>Last day of the fiscal year (MM-DD)</source>
        <translation>Laatste dag van het boekjaar (MM-DD)</translation>
    </message>
    <message>
        <source>Fiscal year &amp;ends (MM-DD):</source>
        <translation>Boekjaar &amp;eindigt op (MM-DD):</translation>
    </message>
    <message>
        <source>How should expenses be booked?</source>
        <translation>Hoe moeten uitgaven worden geboekt?</translation>
    </message>
    <message>
        <source>Accounts and VAT codes from &amp;Pleo (its categories carry the accounts)</source>
        <translation>Rekeningen en btw-codes uit &amp;Pleo (de categorieën dragen de rekeningen)</translation>
    </message>
    <message>
        <source>A chart of accounts &amp;exported from the ledger (CSV: numéro;libellé;type)</source>
        <translation>Een rekeningschema &amp;geëxporteerd uit de boekhouding (CSV: numéro;libellé;type)</translation>
    </message>
    <message>
        <source>Choose f&amp;ile…</source>
        <translation>&amp;Bestand kiezen…</translation>
    </message>
    <message>
        <source>Folder for the FEC files</source>
        <translation>Map voor de FEC-bestanden</translation>
    </message>
    <message>
        <source>Chart of accounts</source>
        <translation>Rekeningschema</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>How {ledger} imports the files:</source>
        <translation>Zo importeert {ledger} de bestanden:</translation>
    </message>
    <message>
        <source>The folder will be created.</source>
        <translation>De map wordt aangemaakt.</translation>
    </message>
    <message>
        <source>pleodesk can write here.</source>
        <translation>pleodesk kan hier schrijven.</translation>
    </message>
    <message>
        <source>Checking the folder and reading the chart of accounts…</source>
        <translation>Map wordt gecontroleerd en rekeningschema gelezen…</translation>
    </message>
    <message>
        <source>Ready: {accounts} accounts, {taxes} VAT codes, {dims} dimensions.</source>
        <translation>Klaar: {accounts} rekeningen, {taxes} btw-codes, {dims} dimensies.</translation>
    </message>
    <message>
        <source>Connect Odoo</source>
        <translation>Odoo koppelen</translation>
    </message>
    <message>
        <source>pleodesk books each expense in Odoo through its API, with an API key of a user who is an Accountant or Adviser and has the Settings right.</source>
        <translation>pleodesk boekt elke uitgave via de API in Odoo, met de API key van een gebruiker die Accountant of Adviseur is en het recht Instellingen heeft.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>Odoo address</source>
        <translation>Odoo-adres</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>Odoo database</source>
        <translation>Odoo-database</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Odoo login</source>
        <translation>Odoo-gebruikersnaam</translation>
    </message>
    <message numerus="yes">
        <source>This user may book in %n company(-ies): choose the one for this connection, then press Next.</source>
        <translation>
            <numerusform>Deze gebruiker mag boeken in %n bedrijf: kies het voor deze koppeling en klik dan op Volgende.</numerusform>
            <numerusform>Deze gebruiker mag boeken in %n bedrijven: kies het bedrijf voor deze koppeling en klik dan op Volgende.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect Lexware Office</source>
        <translation>Lexware Office verbinden</translation>
    </message>
    <message>
        <source>pleodesk books every Pleo expense as a voucher (Beleg) in Lexware Office, with its receipts, through Lexware&apos;s public API.</source>
        <translation>pleodesk boekt elke Pleo-uitgave als boekingsstuk (Beleg) in Lexware Office, met de bonnen, via de openbare API van Lexware.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you start:&lt;/b&gt; Lexware Office does not take reimbursements (Privatauslagen). Out-of-pocket expenses, mileage, per diems and reimbursement payouts are not exported: pleodesk skips them, shows why, and tells Pleo they cannot be exported. Wallet top-ups and unloads are not exported either; add them by hand in Lexware Office.</source>
        <translation>&lt;b&gt;Voordat u begint:&lt;/b&gt; Lexware Office kent geen terugbetalingen (Privatauslagen). Voorgeschoten uitgaven, kilometers, dagvergoedingen en uitbetalingen van terugbetalingen worden niet geëxporteerd: pleodesk slaat ze over, zegt waarom en meldt Pleo dat ze niet te exporteren zijn. Opwaarderingen en opnames van de wallet worden ook niet geëxporteerd; boek die zelf in Lexware Office.</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Voordat u begint</translation>
    </message>
    <message>
        <source>&amp;Connect with Lexware Office (Zugriff erlauben)…</source>
        <translation>&amp;Verbinden met Lexware Office (Zugriff erlauben)…</translation>
    </message>
    <message>
        <source>Opens Lexware Office in your browser: sign in and allow pleodesk access. pleodesk then creates the Pleo bank account and sends its card lines.</source>
        <translation>Opent Lexware Office in uw browser: meld u aan en geef pleodesk toegang. pleodesk maakt dan de Pleo-bankrekening aan en stuurt haar kaartregels.</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Stoppen met wachten</translation>
    </message>
    <message>
        <source>Or connect with an API key:</source>
        <translation>Of verbind met een API-sleutel:</translation>
    </message>
    <message>
        <source>Lexware Office API key</source>
        <translation>API-sleutel van Lexware Office</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;sleutel:</translation>
    </message>
    <message>
        <source>Check the API key with Lexware Office</source>
        <translation>De API-sleutel bij Lexware Office controleren</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Lexware Office</source>
        <translation>Lexware Office van het de&amp;mobedrijf gebruiken</translation>
    </message>
    <message>
        <source>Book into a Lexware Office emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Boeken in een Lexware Office die op deze computer wordt nagebootst, om pleodesk met het demobedrijf te proberen.</translation>
    </message>
    <message>
        <source>The key: in Lexware Office open Add-ons &gt; Public API (app.lexware.de/addons/public-api), create a key that may use vouchers, contacts, files, posting categories and the profile, and paste it here. A key is valid for 24 months; the company&apos;s plan must include the Public API.</source>
        <translation>De sleutel: open in Lexware Office Add-ons &gt; Public API (app.lexware.de/addons/public-api), maak een sleutel die boekingsstukken, contacten, bestanden, boekingscategorieën en het profiel mag gebruiken en plak hem hier. Een sleutel is 24 maanden geldig; het abonnement van het bedrijf moet de Public API bevatten.</translation>
    </message>
    <message>
        <source>Waiting for Lexware Office in your browser… Sign in and press Zugriff erlauben.</source>
        <translation>Wachten op Lexware Office in uw browser… Meld u aan en klik op Zugriff erlauben.</translation>
    </message>
    <message>
        <source>Not connected: the sign-in was stopped.</source>
        <translation>Niet verbonden: het aanmelden is gestopt.</translation>
    </message>
    <message>
        <source>Checking the key with Lexware Office…</source>
        <translation>De sleutel wordt bij Lexware Office gecontroleerd…</translation>
    </message>
    <message>
        <source>Odoo API key</source>
        <translation>Odoo API key</translation>
    </message>
    <message>
        <source>Odoo company</source>
        <translation>Odoo-bedrijf</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Bedrijf:</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>C&amp;ontroleren</translation>
    </message>
    <message>
        <source>Check the connection to Odoo</source>
        <translation>De verbinding met Odoo controleren</translation>
    </message>
    <message>
        <source>Check the address, database, login and key, and report Odoo&apos;s version, the user&apos;s rights and missing apps, and the companies.</source>
        <translation>Controleer het adres, de database, de login en de sleutel, en meld de versie van Odoo, de rechten van de gebruiker, ontbrekende apps en de bedrijven.</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Odoo</source>
        <translation>Odoo van het de&amp;mobedrijf gebruiken</translation>
    </message>
    <message>
        <source>Book into an Odoo emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Boeken in een Odoo die op deze computer wordt nagebootst, om pleodesk met het demobedrijf te proberen.</translation>
    </message>
    <message>
        <source>Address: copy it from the browser, up to .com (or your own domain). Database: in Odoo, user menu &gt; My Databases; or, in developer mode, under the user icon; or right-click a page, Inspect, search for db and copy the word in quotes after it. API key: your profile &gt; Account Security &gt; New API Key. The Employees app must be installed.</source>
        <translation>Adres: kopieer het uit de browser, tot en met .com (of uw eigen domein). Database: in Odoo via het gebruikersmenu &gt; Mijn databases; of, in de ontwikkelaarsmodus, onder het gebruikersicoon; of klik met de rechtermuisknop op een pagina, kies Inspecteren, zoek naar db en kopieer het woord tussen aanhalingstekens erna. API key: uw profiel &gt; Accountveiligheid &gt; Nieuwe API key. De app Werknemers moet geïnstalleerd zijn.</translation>
    </message>
    <message>
        <source>(stored; type a new key to replace it)</source>
        <translation>(opgeslagen; typ een nieuwe sleutel om hem te vervangen)</translation>
    </message>
    <message>
        <source>{version} accepted the login {login} and its API key. The user has the rights pleodesk needs (Accountant or Adviser, and Settings); the Invoicing and Employees apps are installed.</source>
        <translation>{version} accepteerde de login {login} en de API-sleutel. De gebruiker heeft de rechten die pleodesk nodig heeft (Accountant of Adviser, en Settings); de apps Facturatie en Werknemers zijn geïnstalleerd.</translation>
    </message>
    <message>
        <source>Company {company} (of {n} this user may book in): {accounts} accounts, {taxes} purchase taxes, {plans} analytic plans.</source>
        <translation>Bedrijf {company} (van de {n} waarin deze gebruiker mag boeken): {accounts} rekeningen, {taxes} inkoopbelastingen, {plans} analytische plannen.</translation>
    </message>
    <message>
        <source>Checking Odoo…</source>
        <translation>Odoo wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Connected to {version}, company {company}: {accounts} accounts, {taxes} purchase taxes, {plans} analytic plans.</source>
        <translation>Verbonden met {version}, bedrijf {company}: {accounts} rekeningen, {taxes} inkoop-btw-codes, {plans} analytische plannen.</translation>
    </message>
    <message>
        <source>Connect Xero</source>
        <translation>Xero koppelen</translation>
    </message>
    <message>
        <source>pleodesk signs in to Xero in your browser; Xero asks which organisation pleodesk may book into. Nothing is stored but a sign-in token, in this computer&apos;s keyring.</source>
        <translation>pleodesk meldt zich in uw browser aan bij Xero; Xero vraagt in welke organisatie pleodesk mag boeken. Alleen een aanmeldtoken wordt opgeslagen, in de sleutelbos van deze computer.</translation>
    </message>
    <message>
        <source>the client id of your Xero app</source>
        <translation>de client-id van uw Xero-app</translation>
    </message>
    <message>
        <source>Xero app &amp;client id:</source>
        <translation>&amp;Client-id van de Xero-app:</translation>
    </message>
    <message>
        <source>Connect QuickBooks Online</source>
        <translation>QuickBooks Online koppelen</translation>
    </message>
    <message>
        <source>Sign in to Intuit in your browser, allow pleodesk and choose the company. pleodesk then finds or creates the Pleo bank account, as Pleo&apos;s help article describes.</source>
        <translation>Meld u in uw browser aan bij Intuit, geef pleodesk toegang en kies het bedrijf. pleodesk zoekt of maakt daarna de Pleo-bankrekening, zoals het helpartikel van Pleo beschrijft.</translation>
    </message>
    <message>
        <source>1. Connect QuickBooks and pleodesk</source>
        <translation>1. QuickBooks en pleodesk koppelen</translation>
    </message>
    <message>
        <source>&amp;Connect to QuickBooks…</source>
        <translation>&amp;Koppelen met QuickBooks…</translation>
    </message>
    <message>
        <source>Sign in to QuickBooks in the browser</source>
        <translation>Aanmelden bij QuickBooks in de browser</translation>
    </message>
    <message>
        <source>Stop &amp;waiting</source>
        <translation>Stoppen met &amp;wachten</translation>
    </message>
    <message>
        <source>Stop waiting for the QuickBooks sign-in</source>
        <translation>Stoppen met wachten op de aanmelding bij QuickBooks</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s QuickBooks</source>
        <translation>QuickBooks van het de&amp;mobedrijf gebruiken</translation>
    </message>
    <message>
        <source>Sign in to a QuickBooks company emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Meld u aan bij een QuickBooks-bedrijf dat op deze computer wordt nagebootst, om pleodesk met het demobedrijf uit te proberen.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Nog niet gekoppeld.</translation>
    </message>
    <message>
        <source>QuickBooks company</source>
        <translation>QuickBooks-bedrijf</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Bedrijf:</translation>
    </message>
    <message>
        <source>The answer the QuickBooks page shows</source>
        <translation>Het antwoord dat de QuickBooks-pagina toont</translation>
    </message>
    <message>
        <source>&amp;Use it</source>
        <translation>&amp;Gebruiken</translation>
    </message>
    <message>
        <source>P&amp;aste the answer:</source>
        <translation>Antwoord pl&amp;akken:</translation>
    </message>
    <message>
        <source>Advanced: your own Intuit app</source>
        <translation>Geavanceerd: uw eigen Intuit-app</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Intuit app client id</source>
        <translation>Client-id van de Intuit-app</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;secret:</translation>
    </message>
    <message>
        <source>Intuit app client secret</source>
        <translation>Client-secret van de Intuit-app</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>&amp;Redirect-URI:</translation>
    </message>
    <message>
        <source>Intuit app redirect URI</source>
        <translation>Redirect-URI van de Intuit-app</translation>
    </message>
    <message>
        <source>2. The Pleo bank account (used for Pleo expenses only)</source>
        <translation>2. De Pleo-bankrekening (alleen voor Pleo-uitgaven)</translation>
    </message>
    <message>
        <source>The company uses Pleo &amp;Pocket: a bank account for Pocket expenses too</source>
        <translation>Het bedrijf gebruikt Pleo &amp;Pocket: ook een bankrekening voor Pocket-uitgaven</translation>
    </message>
    <message>
        <source>The Pleo Pocket bank account</source>
        <translation>De Pleo Pocket-bankrekening</translation>
    </message>
    <message>
        <source>pleodesk finds these accounts in QuickBooks&apos; chart of accounts by name, or creates them as bank accounts (in France with the journal code chosen here).</source>
        <translation>pleodesk zoekt deze rekeningen op naam in het rekeningschema van QuickBooks, of maakt ze aan als bankrekeningen (in Frankrijk met de hier gekozen dagboekcode).</translation>
    </message>
    <message>
        <source>Connected to {name}. Connect again only to renew the connection.</source>
        <translation>Gekoppeld met {name}. Koppel alleen opnieuw om de koppeling te vernieuwen.</translation>
    </message>
    <message>
        <source>Waiting for QuickBooks in your browser… Sign in there, allow pleodesk and choose the company. If the browser shows a line to copy, paste it below.</source>
        <translation>Wachten op QuickBooks in uw browser… Meld u daar aan, geef pleodesk toegang en kies het bedrijf. Toont de browser een regel om te kopiëren, plak die dan hieronder.</translation>
    </message>
    <message>
        <source>You signed in to {name}, but this connection books into {other}. Connect again and choose that company.</source>
        <translation>U hebt zich aangemeld bij {name}, maar deze koppeling boekt in {other}. Koppel opnieuw en kies dat bedrijf.</translation>
    </message>
    <message>
        <source>Signed in to {name}. Check the Pleo bank account below, then press Next.</source>
        <translation>Aangemeld bij {name}. Controleer hieronder de Pleo-bankrekening en klik dan op Volgende.</translation>
    </message>
    <message>
        <source>Stopped waiting for QuickBooks. Press Connect to QuickBooks to try again.</source>
        <translation>Gestopt met wachten op QuickBooks. Klik op Koppelen met QuickBooks om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>That is not the answer of this sign-in: copy the whole line the QuickBooks page shows.</source>
        <translation>Dat is niet het antwoord van deze aanmelding: kopieer de hele regel die de QuickBooks-pagina toont.</translation>
    </message>
    <message>
        <source>Setting up the Pleo bank account in QuickBooks…</source>
        <translation>De Pleo-bankrekening in QuickBooks instellen…</translation>
    </message>
    <message>
        <source>Connected to {name}: {accounts} accounts, {taxes} VAT codes for purchases; Pleo bank account {bank}.</source>
        <translation>Gekoppeld met {name}: {accounts} rekeningen, {taxes} btw-codes voor inkopen; Pleo-bankrekening {bank}.</translation>
    </message>
    <message>
        <source>Stop waiting for the Xero sign-in</source>
        <translation>Stoppen met wachten op de aanmelding bij Xero</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Xero</source>
        <translation>Xero van het de&amp;mobedrijf gebruiken</translation>
    </message>
    <message>
        <source>Sign in to a Xero organisation emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Aanmelden bij een Xero-organisatie die op deze computer wordt nagebootst, om pleodesk met het demobedrijf te proberen.</translation>
    </message>
    <message>
        <source>Xero organisation</source>
        <translation>Xero-organisatie</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisatie:</translation>
    </message>
    <message>
        <source>&amp;Connect to Xero…</source>
        <translation>&amp;Verbinden met Xero…</translation>
    </message>
    <message>
        <source>Connect to Xero: sign in in the browser and allow pleodesk</source>
        <translation>Verbinden met Xero: log in in de browser en sta pleodesk toe</translation>
    </message>
    <message>
        <source>Opens Xero in your browser: sign in, choose the organisation and allow pleodesk.</source>
        <translation>Opent Xero in uw browser: log in, kies de organisatie en sta pleodesk toe.</translation>
    </message>
    <message>
        <source>&amp;Advanced: your own Xero app</source>
        <translation>&amp;Geavanceerd: uw eigen Xero-app</translation>
    </message>
    <message>
        <source>Client id of your own Xero app</source>
        <translation>Client-id van uw eigen Xero-app</translation>
    </message>
    <message>
        <source>Only needed for a Xero app of your own: at developer.xero.com &gt; My Apps, create an app of type &quot;Auth code with PKCE&quot; (mobile or desktop app) and register the redirect URIs http://localhost:53682/callback, http://localhost:53683/callback and http://localhost:53684/callback.</source>
        <translation>Alleen nodig voor een eigen Xero-app: maak op developer.xero.com &gt; My Apps een app van het type &quot;Auth code with PKCE&quot; (mobiele of desktop-app) en registreer de redirect-URI&apos;s http://localhost:53682/callback, http://localhost:53683/callback en http://localhost:53684/callback.</translation>
    </message>
    <message>
        <source>Connected to {name}. Sign in again only to renew the connection.</source>
        <translation>Verbonden met {name}. Meld u alleen opnieuw aan om de koppeling te vernieuwen.</translation>
    </message>
    <message>
        <source>This copy of pleodesk has no Xero app built in: enter the client id of your own Xero app under Advanced, then press Connect to Xero.</source>
        <translation>In deze versie van pleodesk zit geen Xero-app ingebouwd: vul onder Geavanceerd de client-id van uw eigen Xero-app in en klik dan op Verbinden met Xero.</translation>
    </message>
    <message>
        <source>Waiting for Xero in your browser… Sign in there and choose the organisation, or press Stop waiting.</source>
        <translation>Wachten op Xero in je browser… Meld je daar aan en kies de organisatie, of druk op Stoppen met wachten.</translation>
    </message>
    <message>
        <source>no organisation</source>
        <translation>geen organisatie</translation>
    </message>
    <message>
        <source>You signed in to {names}, but this connection books into {name}. Sign in again and choose that organisation.</source>
        <translation>U bent aangemeld bij {names}, maar deze koppeling boekt in {name}. Meld u opnieuw aan en kies die organisatie.</translation>
    </message>
    <message>
        <source>Choose the organisation this connection books into.</source>
        <translation>Kies de organisatie waarin deze koppeling boekt.</translation>
    </message>
    <message>
        <source>Signed in to {name}.</source>
        <translation>Aangemeld bij {name}.</translation>
    </message>
    <message>
        <source>Stopped waiting for Xero. Press Connect to Xero to try again.</source>
        <translation>Gestopt met wachten op Xero. Klik op Verbinden met Xero om het opnieuw te proberen.</translation>
    </message>
    <message>
        <source>Setting up the Pleo accounts in Xero…</source>
        <translation>De Pleo-rekeningen worden in Xero ingesteld…</translation>
    </message>
    <message>
        <source>Connected to {name}. Choose the accounts on the next page.</source>
        <translation>Verbonden met {name}. Kies de rekeningen op de volgende pagina.</translation>
    </message>
    <message>
        <source>Connected to {name}: {accounts} accounts, {taxes} tax rates for expenses, {dims} tracking categories; Pleo bank account {bank}.</source>
        <translation>Verbonden met {name}: {accounts} rekeningen, {taxes} btw-tarieven voor uitgaven, {dims} tracking categories; Pleo-bankrekening {bank}.</translation>
    </message>
    <message>
        <source>Connect Pennylane</source>
        <translation>Pennylane koppelen</translation>
    </message>
    <message>
        <source>pleodesk books into Pennylane with your company&apos;s own API token: it needs no partner agreement.</source>
        <translation>pleodesk boekt in Pennylane met het eigen API-token van uw bedrijf: daarvoor is geen partnerovereenkomst nodig.</translation>
    </message>
    <message>
        <source>Pennylane API token</source>
        <translation>Pennylane-API-token</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;token:</translation>
    </message>
    <message>
        <source>Check the token with Pennylane</source>
        <translation>Het token bij Pennylane controleren</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Pennylane</source>
        <translation>Pennylane van het de&amp;mobedrijf gebruiken</translation>
    </message>
    <message>
        <source>Book into a Pennylane emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Boek in een Pennylane dat op deze computer wordt nagebootst, om pleodesk met het demobedrijf uit te proberen.</translation>
    </message>
    <message>
        <source>Make the token in Pennylane under Settings &gt; Connectivity &gt; Developers (an administrator, on the Essential plan or higher). Give it these permissions: journals, ledger accounts, ledger entries and file attachments (read and write); for analytics and the check of closed fiscal years also categories and fiscal years (read). Pennylane shows the token once: paste it here.</source>
        <translation>Maak het token in Pennylane onder Paramètres &gt; Connectivité &gt; Développeurs (als beheerder, met het Essential-abonnement of hoger). Geef het deze rechten: journaux, comptes, écritures en pièces jointes (lezen en schrijven); voor analytische boekingen en de controle op afgesloten boekjaren ook catégories en exercices (lezen). Pennylane toont het token één keer: plak het hier.</translation>
    </message>
    <message>
        <source>A summary entry has one line per account, VAT rate and analytic value, balanced against the Pleo bank account, and is made once its day or month has ended; receipts are only attached to entries of one expense.</source>
        <translation>Een verzamelboeking heeft één regel per rekening, btw-tarief en analytische waarde, in evenwicht tegen de Pleo-bankrekening, en wordt gemaakt zodra de dag of maand voorbij is; bonnen worden alleen aan boekingen van één uitgave gekoppeld.</translation>
    </message>
    <message>
        <source>(stored; paste a new token to replace it)</source>
        <translation>(opgeslagen; plak een nieuw token om het te vervangen)</translation>
    </message>
    <message>
        <source>Pennylane accepted the token of {company} (SIREN {siren}): {accounts} ledger accounts, {groups} analytic category groups.</source>
        <translation>Pennylane heeft het token van {company} geaccepteerd (SIREN {siren}): {accounts} grootboekrekeningen, {groups} groepen analytische categorieën.</translation>
    </message>
    <message>
        <source>Without the permissions {scopes} pleodesk sets no analytics and leaves the check of closed fiscal years to Pennylane.</source>
        <translation>Zonder de rechten {scopes} boekt pleodesk geen analytische waarden en laat het de controle op afgesloten boekjaren aan Pennylane over.</translation>
    </message>
    <message>
        <source>Checking the token with Pennylane…</source>
        <translation>Het token wordt bij Pennylane gecontroleerd…</translation>
    </message>
</context>
<context>
    <name>ContraEditor</name>
    <message>
        <source>— choose one —</source>
        <translation>— kies er een —</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— niet gebruikt —</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Aanmaken…</translation>
    </message>
    <message>
        <source>Create an account for: {role}</source>
        <translation>Rekening aanmaken voor: {role}</translation>
    </message>
    <message>
        <source>— hold them until categorised —</source>
        <translation>— aanhouden tot ze een categorie hebben —</translation>
    </message>
    <message>
        <source>Account for expenses without a category</source>
        <translation>Rekening voor uitgaven zonder categorie</translation>
    </message>
    <message>
        <source>Expenses &amp;without a category:</source>
        <translation>Uitgaven &amp;zonder categorie:</translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>Create an account</source>
        <translation>Rekening aanmaken</translation>
    </message>
    <message>
        <source>Pleo wallet</source>
        <translation>Pleo-wallet</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses payable</source>
        <translation>Te betalen declaraties</translation>
    </message>
    <message>
        <source>Reimbursements contra account</source>
        <translation>Tegenrekening declaraties</translation>
    </message>
    <message>
        <source>Accounts payable</source>
        <translation>Crediteuren</translation>
    </message>
    <message>
        <source>Uncategorised expenses</source>
        <translation>Niet-gecategoriseerde uitgaven</translation>
    </message>
    <message>
        <source>New {account} for: {role}</source>
        <translation>Nieuwe {account} voor: {role}</translation>
    </message>
    <message>
        <source>Account code</source>
        <translation>Rekeningnummer</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Rekeningnaam</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;aam:</translation>
    </message>
</context>
<context>
    <name>DataFolderBox</name>
    <message>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n maand</numerusform>
            <numerusform>%n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>Alles bewaren</translation>
    </message>
    <message>
        <source>Keep Pleo&apos;s data and receipts of exported expenses for</source>
        <translation>Pleo-gegevens en bonnetjes van geëxporteerde uitgaven bewaren gedurende</translation>
    </message>
    <message>
        <source>&amp;Keep Pleo&apos;s data and receipts of exported expenses for:</source>
        <translation>Pleo-gegevens en bonnetjes van geëxporteerde uitgaven be&amp;waren gedurende:</translation>
    </message>
    <message>
        <source>After that, pleodesk removes its own copy of Pleo&apos;s data and the receipts it downloaded for expenses the ledger has confirmed; they stay listed under Expenses. The ledger is the record: keep it as long as the law asks (often 5 to 10 years). Held, failed and waiting expenses are never removed, and a deleted connection&apos;s data goes with it.</source>
        <translation>Daarna verwijdert pleodesk zijn eigen kopie van de Pleo-gegevens en de bonnetjes die het downloadde voor uitgaven die de administratie heeft bevestigd; ze blijven zichtbaar onder Uitgaven. De administratie is het archief: bewaar die zo lang als de wet vraagt (vaak 5 tot 10 jaar). Aangehouden, mislukte en wachtende uitgaven worden nooit verwijderd, en de gegevens van een verwijderde koppeling gaan met de koppeling mee.</translation>
    </message>
    <message>
        <source>Size of the data folder</source>
        <translation>Grootte van de gegevensmap</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Map &amp;openen</translation>
    </message>
    <message>
        <source>Clean &amp;up now</source>
        <translation>Nu op&amp;ruimen</translation>
    </message>
    <message>
        <source>Clean-up result</source>
        <translation>Resultaat van het opruimen</translation>
    </message>
    <message>
        <source>{folder}: {total} (database {database}, receipts {receipts})</source>
        <translation>{folder}: {total} (database {database}, bonnetjes {receipts})</translation>
    </message>
    <message>
        <source>Cleaning up…</source>
        <translation>Bezig met opruimen…</translation>
    </message>
    <message>
        <source>Freed {size}.</source>
        <translation>{size} vrijgemaakt.</translation>
    </message>
    <message>
        <source>The database itself is compacted at a later clean-up, when no export is running.</source>
        <translation>De database zelf wordt bij een latere opruimbeurt verkleind, als er geen export loopt.</translation>
    </message>
    <message>
        <source>Not cleaned up: {error}</source>
        <translation>Niet opgeruimd: {error}</translation>
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
        <translation>Leverancier</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Werknemer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ledger reference</source>
        <translation>Boekingsreferentie</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wordt verstuurd</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Aangehouden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
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
        <translation>&amp;Geëxporteerd</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>&amp;Wachtend</translation>
    </message>
    <message>
        <source>&amp;Held</source>
        <translation>Aange&amp;houden</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>&amp;Mislukt</translation>
    </message>
    <message>
        <source>S&amp;kipped</source>
        <translation>&amp;Overgeslagen</translation>
    </message>
    <message>
        <source>Search supplier, employee, category, reference</source>
        <translation>Zoek leverancier, werknemer, categorie, referentie</translation>
    </message>
    <message>
        <source>Search expenses</source>
        <translation>Uitgaven zoeken</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Uitgaven</translation>
    </message>
    <message>
        <source>Number of expenses shown</source>
        <translation>Aantal getoonde uitgaven</translation>
    </message>
    <message>
        <source>Loading expenses…</source>
        <translation>Uitgaven worden geladen…</translation>
    </message>
    <message>
        <source>No expenses yet: they appear here once an export has read them from Pleo.</source>
        <translation>Nog geen uitgaven: ze verschijnen hier zodra een export ze uit Pleo heeft gelezen.</translation>
    </message>
    <message>
        <source>{shown} of {total} expenses</source>
        <translation>{shown} van {total} uitgaven</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>Export a month</source>
        <extracomment>Entries listed under the result (all of them are in the Expenses tab).</extracomment>
        <translation>Een maand exporteren</translation>
    </message>
    <message>
        <source>Month to export</source>
        <translation>Te exporteren maand</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Maand:</translation>
    </message>
    <message>
        <source>&amp;Preview again</source>
        <translation>Opnieuw &amp;bekijken</translation>
    </message>
    <message>
        <source>What will be exported</source>
        <translation>Wat er wordt geëxporteerd</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Grootboekrekening</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Btw-code</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Totals per ledger account and tax code</source>
        <translation>Totalen per grootboekrekening en btw-code</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporteren</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Voortgang van de export</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <source>Progress message</source>
        <translation>Voortgangsbericht</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Resultaat van de export</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverancier</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Rekening</translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation>In de boekhouding</translation>
    </message>
    <message>
        <source>Entries created in the ledger</source>
        <translation>Boekingen aangemaakt in de administratie</translation>
    </message>
    <message>
        <source>E&amp;xport {month}</source>
        <translation>{month} e&amp;xporteren</translation>
    </message>
    <message>
        <source>Asking Pleo what {month} holds…</source>
        <translation>Pleo wordt gevraagd wat er in {month} klaarstaat…</translation>
    </message>
    <message numerus="yes">
        <source>Asking Pleo what {month} holds… pleodesk has exported %n expense(s) of it so far.</source>
        <translation>
            <numerusform>Pleo wordt gevraagd wat er in {month} klaarstaat… pleodesk heeft daarvan tot nu toe %n uitgave geëxporteerd.</numerusform>
            <numerusform>Pleo wordt gevraagd wat er in {month} klaarstaat… pleodesk heeft daarvan tot nu toe %n uitgaven geëxporteerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>Geen voorbeeld: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Reading {month} from Pleo: %n expense(s) waiting for export so far, {total}…</source>
        <translation>
            <numerusform>{month} wordt uit Pleo gelezen: tot nu toe %n uitgave die op export wacht, {total}…</numerusform>
            <numerusform>{month} wordt uit Pleo gelezen: tot nu toe %n uitgaven die op export wachten, {total}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing of {month} is waiting for export in Pleo.</source>
        <translation>Er staat in Pleo niets van {month} klaar voor export.</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each expense&apos;s details.</source>
        <translation>
            <numerusform>%n uitgave kreeg een btw-afrondingsregel: de boekhouding berekent de btw zelf en kwam een cent hoger of lager uit dan Pleo, dus die cent staat op een eigen regel. Het tabblad Uitgaven toont het in de details van de uitgave.</numerusform>
            <numerusform>%n uitgaven kregen een btw-afrondingsregel: de boekhouding berekent de btw zelf en kwam een cent hoger of lager uit dan Pleo, dus die cent staat op een eigen regel. Het tabblad Uitgaven toont het in de details van elke uitgave.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in the ledger: {url}</source>
        <translation>Openen in de boekhouding: {url}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all are in the Expenses tab)</source>
        <translation>
            <numerusform>… en nog %n (alle staan in het tabblad Uitgaven)</numerusform>
            <numerusform>… en nog %n (alle staan in het tabblad Uitgaven)</numerusform>
        </translation>
    </message>
    <message>
        <source>(not mapped: held)</source>
        <translation>(niet gekoppeld: aangehouden)</translation>
    </message>
    <message>
        <source>as Pleo sends it</source>
        <translation>zoals Pleo het stuurt</translation>
    </message>
    <message>
        <source>Will be held until mapped:</source>
        <translation>Wordt aangehouden tot er een koppeling is:</translation>
    </message>
    <message>
        <source>Waiting for the work already running to finish…</source>
        <translation>Wacht tot het lopende werk klaar is…</translation>
    </message>
    <message>
        <source>Sends every settled expense of the month that is waiting for export in Pleo, by its booking date (the date Pleo shows). Expenses already in the ledger are never sent again.</source>
        <translation>Verstuurt elke verrekende uitgave van de maand die in Pleo klaarstaat voor export, op boekingsdatum (de datum die Pleo toont). Uitgaven die al in de administratie staan, worden nooit opnieuw verstuurd.</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) waiting for export</source>
        <translation>
            <numerusform>%n uitgave wacht op export</numerusform>
            <numerusform>%n uitgaven wachten op export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them already in the ledger</source>
        <translation>
            <numerusform>daarvan staat er %n al in de boekhouding</numerusform>
            <numerusform>daarvan staan er %n al in de boekhouding</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Spend to be booked: {total} (%n expense(s)).</source>
        <translation>
            <numerusform>Te boeken uitgaven: {total} (%n uitgave).</numerusform>
            <numerusform>Te boeken uitgaven: {total} (%n uitgaven).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wallet top-ups and unloads, not in that total: {amount} (%n).</source>
        <translation>
            <numerusform>Opwaarderingen en afboekingen van de wallet, niet in dat totaal: {amount} (%n).</numerusform>
            <numerusform>Opwaarderingen en afboekingen van de wallet, niet in dat totaal: {amount} (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Will be skipped (reported to Pleo as handled, not booked):</source>
        <translation>Wordt overgeslagen (aan Pleo gemeld als afgehandeld, niet geboekt):</translation>
    </message>
    <message>
        <source>Not exported, the accounting system does not take them (reported to Pleo as not exportable):</source>
        <translation>Niet geëxporteerd, het boekhoudpakket neemt ze niet aan (aan Pleo gemeld als niet te exporteren):</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Bezig met starten…</translation>
    </message>
    <message>
        <source>This export is already waiting to run; it starts when the work before it has finished.</source>
        <translation>Deze export wacht al; hij begint zodra het werk ervoor klaar is.</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Wordt na de huidige stap geannuleerd…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
</context>
<context>
    <name>FeedPage</name>
    <message>
        <source>Bank feed</source>
        <translation>Bankfeed</translation>
    </message>
    <message>
        <source>The bank feed puts every Pleo card payment on the statement of the Pleo bank account in the ledger, twice a day, so the balance matches Pleo&apos;s.</source>
        <translation>De bankfeed zet elke betaling met de Pleo-kaart twee keer per dag op het afschrift van de Pleo-bankrekening in de administratie, zodat het saldo gelijk is aan dat in Pleo.</translation>
    </message>
    <message>
        <source>&amp;Send the Pleo bank feed</source>
        <translation>Pleo-bankfeed &amp;versturen</translation>
    </message>
    <message>
        <source>How feed and export meet: the feed adds each payment to the Pleo bank account&apos;s statement, the export books the same payment with its category and VAT against that bank account, and both carry the same reference (PLEO- and the expense id), so you match them in reconciliation and nothing is booked twice.</source>
        <translation>Zo komen feed en export samen: de feed zet elke betaling op het afschrift van de Pleo-bankrekening, de export boekt dezelfde betaling met categorie en btw tegen die bankrekening, en beide dragen dezelfde referentie (PLEO- en het uitgave-id). U stemt ze dus af op die referentie en er wordt niets dubbel geboekt.</translation>
    </message>
    <message>
        <source>and</source>
        <translation>en</translation>
    </message>
    <message>
        <source>Sent every day at {utc} UTC ({local} your time).</source>
        <translation>Elke dag verstuurd om {utc} UTC ({local} uw tijd).</translation>
    </message>
    <message>
        <source>{system} does not take a bank feed from pleodesk.</source>
        <translation>{system} neemt geen bankfeed van pleodesk aan.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Started</source>
        <translation>Gestart</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Aantallen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Uitvoeringen</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Details van de uitvoering</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Nog geen uitvoeringen.</translation>
    </message>
    <message>
        <source>Started {start}, ended {end}.</source>
        <translation>Gestart {start}, klaar {end}.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Overgeslagen:</translation>
    </message>
    <message>
        <source>Pleo export job {id}</source>
        <translation>Pleo-exportopdracht {id}</translation>
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
        <translation>Pleo-labelgroep</translation>
    </message>
    <message numerus="yes">
        <source>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most %n. Choose one for each group you want to see in the ledger; each tag then becomes one of its values (missing ones can be created).</source>
        <translation>
            <numerusform>De taggroepen van Pleo kunnen als {dimensions} naar de boekhouding, hoogstens %n. Kies er een voor elke groep die u in de boekhouding wilt zien; elke tag wordt dan een van de waarden (ontbrekende kunnen worden aangemaakt).</numerusform>
            <numerusform>De taggroepen van Pleo kunnen als {dimensions} naar de boekhouding, hoogstens %n. Kies er een voor elke groep die u in de boekhouding wilt zien; elke tag wordt dan een van de waarden (ontbrekende kunnen worden aangemaakt).</numerusform>
        </translation>
    </message>
    <message>
        <source>This Pleo company has no tag groups; there is nothing to map.</source>
        <translation>Dit Pleo-bedrijf heeft geen labelgroepen; er valt niets te koppelen.</translation>
    </message>
    <message>
        <source>The ledger has no {dimensions}; tags will not be exported.</source>
        <translation>De administratie heeft geen {dimensions}; labels worden niet geëxporteerd.</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n value(s) in {dimension}…</source>
        <translation>
            <numerusform>%n waarde aanmaken in {dimension}…</numerusform>
            <numerusform>%n waarden aanmaken in {dimension}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n value(s) in {dimension}; the tags are mapped to them.</source>
        <translation>
            <numerusform>%n waarde aangemaakt in {dimension}; de tag is eraan gekoppeld.</numerusform>
            <numerusform>%n waarden aangemaakt in {dimension}; de tags zijn eraan gekoppeld.</numerusform>
        </translation>
    </message>
    <message>
        <source>The values were not created: {error}</source>
        <translation>De waarden zijn niet aangemaakt: {error}</translation>
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
        <translation>Melding</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Koppelingen</translation>
    </message>
    <message>
        <source>&amp;Add a connection…</source>
        <translation>Koppeling &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Koppeling toevoegen</translation>
    </message>
    <message>
        <source>Connect Pleo to your books</source>
        <translation>Koppel Pleo aan uw boekhouding</translation>
    </message>
    <message>
        <source>pleodesk sends your company&apos;s Pleo expenses to your accounting system, with categories, VAT, labels and receipts. Set up a connection for each administration.</source>
        <translation>pleodesk stuurt de Pleo-uitgaven van uw bedrijf naar uw boekhoudpakket, met categorieën, btw, labels en bonnetjes. Maak een koppeling voor elke administratie.</translation>
    </message>
    <message>
        <source>&amp;Set up a connection</source>
        <translation>Koppeling &amp;instellen</translation>
    </message>
    <message>
        <source>&amp;Continue the setup</source>
        <translation>Instellen &amp;voortzetten</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>&amp;Weggooien</translation>
    </message>
    <message>
        <source>E&amp;xport a month</source>
        <translation>Maand e&amp;xporteren</translation>
    </message>
    <message>
        <source>Ex&amp;penses</source>
        <translation>&amp;Uitgaven</translation>
    </message>
    <message>
        <source>P&amp;roblems</source>
        <translation>P&amp;roblemen</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Geschiedenis</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>I&amp;nstellingen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>Check the export &amp;queue now</source>
        <translation>Export&amp;wachtrij nu controleren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Export a month</source>
        <translation>Een maand exporteren</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Uitgaven</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>&amp;About pleodesk</source>
        <translation>&amp;Over pleodesk</translation>
    </message>
    <message>
        <source>No pleodesk data was found in {folder}: its database was deleted or moved while pleodesk was closed. The setup starts anew. To go on with the earlier connections, quit pleodesk and put the file {file} back in that folder.</source>
        <translation>Er zijn geen gegevens van pleodesk gevonden in {folder}: de database is verwijderd of verplaatst terwijl pleodesk gesloten was. De installatie begint opnieuw. Om met de eerdere koppelingen verder te gaan: sluit pleodesk af en zet het bestand {file} terug in die map.</translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation>Nog geen koppeling.</translation>
    </message>
    <message>
        <source>The setup of {name} is not finished</source>
        <translation>Het instellen van {name} is niet af</translation>
    </message>
    <message>
        <source>Continue where you left off, or discard it. Nothing has been exported for it.</source>
        <translation>Ga verder waar u gebleven was, of gooi het weg. Er is nog niets voor geëxporteerd.</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <source>This connection is deactivated: nothing is exported for it.</source>
        <translation>Deze koppeling is gedeactiveerd: er wordt niets voor geëxporteerd.</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; Pleo refused the stored API key.</source>
        <translation>&lt;b&gt;Verbinding verbroken.&lt;/b&gt; Pleo weigerde de opgeslagen API-sleutel.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; {system} refused the stored credentials.</source>
        <translation>&lt;b&gt;Verbinding verbroken.&lt;/b&gt; {system} weigerde de opgeslagen inloggegevens.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; pleodesk cannot reach Pleo or the ledger with the stored credentials.</source>
        <translation>&lt;b&gt;Verbinding verbroken.&lt;/b&gt; pleodesk kan Pleo of de administratie niet bereiken met de opgeslagen gegevens.</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>Opnieuw &amp;verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) held or failed: nothing was lost, but not in the ledger yet.</source>
        <translation>
            <numerusform>%n uitgave tegengehouden of mislukt: er is niets verloren, maar ze staat nog niet in de boekhouding.</numerusform>
            <numerusform>%n uitgaven tegengehouden of mislukt: er is niets verloren, maar ze staan nog niet in de boekhouding.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name} with its mappings, history, Pleo data and downloaded receipts? The ledger keeps what was exported. This cannot be undone.</source>
        <translation>{name} met koppelingen, geschiedenis, Pleo-gegevens en gedownloade bonnetjes verwijderen? Wat al geëxporteerd is, blijft in de administratie. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Some expenses need attention.</source>
        <translation>Sommige uitgaven vragen aandacht.</translation>
    </message>
    <message>
        <source>Show &amp;problems</source>
        <translation>&amp;Problemen tonen</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Achtergrondwerk</translation>
    </message>
    <message>
        <source>{what} could not be planned: {error}. The rest of the background work goes on; the details are in the log.</source>
        <translation>{what} kon niet worden ingepland: {error}. Het overige achtergrondwerk gaat door; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>{name}: {what} could not be planned: {error}</source>
        <translation>{name}: {what} kon niet worden ingepland: {error}</translation>
    </message>
    <message>
        <source>P&amp;roblems ({n})</source>
        <translation>P&amp;roblemen ({n})</translation>
    </message>
    <message>
        <source>{name}: {what} running…</source>
        <translation>{name}: {what} loopt…</translation>
    </message>
    <message>
        <source>{name}: {what} — {status}{counts}</source>
        <translation>{name}: {what} — {status}{counts}</translation>
    </message>
    <message>
        <source>Discard the setup</source>
        <translation>Instellen weggooien</translation>
    </message>
    <message>
        <source>Discard the unfinished setup {name}?</source>
        <translation>Het onafgemaakte instellen van {name} weggooien?</translation>
    </message>
    <message>
        <source>{name} was not discarded: {error}</source>
        <translation>{name} is niet weggegooid: {error}</translation>
    </message>
    <message>
        <source>Delete the connection</source>
        <translation>Koppeling verwijderen</translation>
    </message>
    <message>
        <source>Disconnecting {name} from {system}…</source>
        <translation>{name} wordt losgekoppeld van {system}…</translation>
    </message>
    <message>
        <source>{name} was not deleted: {error}</source>
        <translation>{name} is niet verwijderd: {error}</translation>
    </message>
    <message>
        <source>{name} was deleted here, but {system} could not be told.

{problems}</source>
        <translation>{name} is hier verwijderd, maar {system} kon het niet worden gemeld.

{problems}</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Handleiding</translation>
    </message>
    <message>
        <source>The user guide is in docs/user-guide.md of the pleodesk source.</source>
        <translation>De handleiding staat in docs/user-guide.md van de broncode van pleodesk.</translation>
    </message>
    <message>
        <source>About pleodesk</source>
        <translation>Over pleodesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;pleodesk {version}&lt;/b&gt;&lt;br&gt;Keeps your company&apos;s books in step with its Pleo spend account.</source>
        <translation>&lt;b&gt;pleodesk {version}&lt;/b&gt;&lt;br&gt;Houdt de boekhouding van uw bedrijf gelijk met de Pleo-rekening.</translation>
    </message>
    <message>
        <source>pleodesk keeps running</source>
        <extracomment>The window&apos;s size where the screen has room (1366×768 laptops have less: the window then fits the screen&apos;s free area, above the taskbar); the size the user gave it is remembered.</extracomment>
        <translation>pleodesk blijft actief</translation>
    </message>
    <message>
        <source>Exports and the bank feed go on in the background. Open pleodesk from its tray icon; quit it there or with File &gt; Quit.</source>
        <translation>Exports en de bankfeed gaan op de achtergrond door. Open pleodesk via het pictogram in het systeemvak; sluit het daar af of met Bestand &gt; Afsluiten.</translation>
    </message>
</context>
<context>
    <name>MappingsDialog</name>
    <message>
        <source>Mappings of {name}</source>
        <translation>Toewijzingen van {name}</translation>
    </message>
    <message>
        <source>Reading Pleo&apos;s categories and the ledger&apos;s chart…</source>
        <translation>Categorieën van Pleo en rekeningschema worden gelezen…</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Rekeningen</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Categorieën</translation>
    </message>
    <message>
        <source>&amp;VAT codes</source>
        <translation>&amp;Btw-codes</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Retry the held expenses after saving</source>
        <translation>Aangehouden uitgaven na het opslaan opnieuw proberen</translation>
    </message>
    <message>
        <source>Pleo could not be read ({error}); showing what is stored.</source>
        <translation>Pleo kon niet worden gelezen ({error}); de opgeslagen gegevens worden getoond.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>Exportopties</translation>
    </message>
    <message>
        <source>How expenses are booked, and how often pleodesk looks for new ones.</source>
        <translation>Hoe uitgaven worden geboekt en hoe vaak pleodesk naar nieuwe kijkt.</translation>
    </message>
    <message>
        <source>Book expenses as</source>
        <translation>Uitgaven boeken als</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>&amp;Posted (final)</source>
        <translation>&amp;Definitief geboekt</translation>
    </message>
    <message>
        <source>D&amp;rafts, to check and post in the ledger</source>
        <translation>&amp;Concepten, om in de administratie te controleren en te boeken</translation>
    </message>
    <message>
        <source>Create entries as:</source>
        <translation>Boekingen aanmaken als:</translation>
    </message>
    <message>
        <source>Export &amp;receipts and other attachments</source>
        <translation>&amp;Bonnetjes en andere bijlagen exporteren</translation>
    </message>
    <message>
        <source>&amp;Ignore Pleo wallet top-ups (book them yourself)</source>
        <translation>Opwaarderingen van de Pleo-wallet &amp;negeren (zelf boeken)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minuten</translation>
    </message>
    <message>
        <source>Export queue interval in minutes</source>
        <translation>Interval van de exportwachtrij in minuten</translation>
    </message>
    <message>
        <source>Check the export &amp;queue every:</source>
        <translation>Export&amp;wachtrij controleren elke:</translation>
    </message>
    <message>
        <source>Expenses someone queues for export in Pleo are sent this often. 5 minutes is recommended.</source>
        <translation>Uitgaven die iemand in Pleo in de exportwachtrij zet, worden zo vaak verstuurd. 5 minuten wordt aanbevolen.</translation>
    </message>
    <message>
        <source>Scheduled syncs (optional)</source>
        <translation>Geplande synchronisatie (optioneel)</translation>
    </message>
    <message>
        <source>Card expenses:</source>
        <translation>Kaartuitgaven:</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses:</source>
        <translation>Zelf voorgeschoten uitgaven:</translation>
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
        <translation>Pleo koppelen</translation>
    </message>
    <message>
        <source>pleodesk reads your expenses from Pleo with an API key. In Pleo, open Settings → API keys, create a key, and copy it here with your company id.</source>
        <translation>pleodesk leest uw uitgaven uit Pleo met een API key. Open in Pleo Instellingen → API keys, maak een sleutel aan en kopieer die hierheen, samen met uw bedrijfs-id.</translation>
    </message>
    <message>
        <source>Pleo API key</source>
        <translation>Pleo API key</translation>
    </message>
    <message>
        <source>Paste the key from Pleo</source>
        <translation>Plak de sleutel uit Pleo</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>De API key tonen</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;sleutel:</translation>
    </message>
    <message>
        <source>Pleo company id</source>
        <translation>Pleo-bedrijfs-id</translation>
    </message>
    <message>
        <source>&amp;Company id:</source>
        <translation>&amp;Bedrijfs-id:</translation>
    </message>
    <message>
        <source>Pleo address</source>
        <translation>Pleo-adres</translation>
    </message>
    <message>
        <source>Pleo &amp;address:</source>
        <translation>Pleo-&amp;adres:</translation>
    </message>
    <message>
        <source>Leave the address as it is unless Pleo&apos;s support gave you another one.</source>
        <translation>Laat het adres staan, tenzij de support van Pleo u een ander heeft gegeven.</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Controleren</translation>
    </message>
    <message>
        <source>Check the Pleo connection</source>
        <translation>De verbinding met Pleo controleren</translation>
    </message>
    <message>
        <source>Use the &amp;demo company</source>
        <translation>&amp;Demobedrijf gebruiken</translation>
    </message>
    <message>
        <source>Try pleodesk on a built-in demo company, on this computer only.</source>
        <translation>Probeer pleodesk uit op een ingebouwd demobedrijf, alleen op deze computer.</translation>
    </message>
    <message>
        <source>Connected to {company}</source>
        <translation>Verbonden met {company}</translation>
    </message>
    <message>
        <source>Press Check to test the new values.</source>
        <translation>Klik op Controleren om de nieuwe gegevens te testen.</translation>
    </message>
    <message>
        <source>Enter the API key and the company id first.</source>
        <translation>Vul eerst de API key en de bedrijfs-id in.</translation>
    </message>
    <message>
        <source>The Pleo address must start with https://.</source>
        <translation>Het Pleo-adres moet beginnen met https://.</translation>
    </message>
    <message>
        <source>Checking with Pleo…</source>
        <translation>Bezig met controleren bij Pleo…</translation>
    </message>
    <message>
        <source>Pleo answered for another company ({name}).</source>
        <translation>Pleo antwoordde voor een ander bedrijf ({name}).</translation>
    </message>
    <message>
        <source>Pleo did not accept this key for this company. Check both, or create a new key in Pleo (Settings → API keys).</source>
        <translation>Pleo accepteert deze sleutel niet voor dit bedrijf. Controleer beide, of maak in Pleo een nieuwe sleutel aan (Instellingen → API keys).</translation>
    </message>
    <message>
        <source>Pleo answered: {message}</source>
        <translation>Pleo antwoordde: {message}</translation>
    </message>
    <message>
        <source>Pleo could not be reached: {error}</source>
        <translation>Pleo is niet bereikbaar: {error}</translation>
    </message>
    <message>
        <source>Starting the demo company…</source>
        <translation>Demobedrijf wordt gestart…</translation>
    </message>
    <message>
        <source>The demo company could not be started: {error}</source>
        <translation>Het demobedrijf kon niet worden gestart: {error}</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Problems</source>
        <extracomment>Problem kinds -&gt; the mapping editor tab that fixes them.</extracomment>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>Opnieuw &amp;controleren</translation>
    </message>
    <message>
        <source>&amp;Retry all</source>
        <translation>Alles &amp;opnieuw proberen</translation>
    </message>
    <message>
        <source>Put every held and failed expense back in the queue and export them.</source>
        <translation>Zet alle aangehouden en mislukte uitgaven terug in de wachtrij en exporteer ze.</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Oorzaak</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Uitgaven</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Wat te doen</translation>
    </message>
    <message>
        <source>Problems grouped by cause</source>
        <translation>Problemen per oorzaak</translation>
    </message>
    <message>
        <source>Where to find the exports in the ledger</source>
        <translation>Waar de exports in de boekhouding staan</translation>
    </message>
    <message>
        <source>Looking for problems…</source>
        <translation>Bezig met zoeken naar problemen…</translation>
    </message>
    <message>
        <source>Problems could not be read: {reason}</source>
        <translation>De problemen konden niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>Missing mappings (nothing was sent)</source>
        <translation>Ontbrekende toewijzingen (er is niets verstuurd)</translation>
    </message>
    <message>
        <source>Refused by the ledger</source>
        <translation>Geweigerd door de administratie</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Bonnetjes</translation>
    </message>
    <message>
        <source>Ready to send again</source>
        <translation>Klaar om opnieuw te versturen</translation>
    </message>
    <message>
        <source>Mappings fixed: ready to send again</source>
        <translation>Koppelingen hersteld: klaar om opnieuw te versturen</translation>
    </message>
    <message>
        <source>Press Retry to export them.</source>
        <translation>Klik op Opnieuw proberen om ze te exporteren.</translation>
    </message>
    <message>
        <source>Some receipts must be attached by hand</source>
        <translation>Sommige bonnetjes moeten met de hand worden bijgevoegd</translation>
    </message>
    <message>
        <source>The ledger took what it accepts (a number per entry, a size per file); attach the others by hand.</source>
        <translation>De administratie nam aan wat ze accepteert (een aantal per boeking, een grootte per bestand); voeg de andere met de hand toe.</translation>
    </message>
    <message>
        <source>Receipts could not be attached</source>
        <translation>Bonnetjes konden niet worden bijgevoegd</translation>
    </message>
    <message>
        <source>Attach them by hand in the ledger, or press Retry.</source>
        <translation>Voeg ze met de hand toe in de administratie, of klik op Opnieuw proberen.</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Oplossen…</translation>
    </message>
    <message>
        <source>Fix: {problem}</source>
        <translation>Oplossen: {problem}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Retry: {problem}</source>
        <translation>Opnieuw proberen: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… en nog %n</numerusform>
            <numerusform>… en nog %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) need attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</source>
        <translation>
            <numerusform>%n uitgave vraagt aandacht. Los de oorzaak op en klik dan op Opnieuw proberen: wat de boekhouding al bereikte, wordt nooit twee keer verstuurd.</numerusform>
            <numerusform>%n uitgaven vragen aandacht. Los de oorzaak op en klik dan op Opnieuw proberen: wat de boekhouding al bereikte, wordt nooit twee keer verstuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Problemen ({n})</translation>
    </message>
    <message>
        <source>No problems: everything that was read from Pleo is exported or waiting.</source>
        <translation>Geen problemen: alles wat uit Pleo is gelezen, is geëxporteerd of staat klaar.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Wat te doen:</translation>
    </message>
    <message>
        <source>Retrying… the result appears in History.</source>
        <translation>Wordt opnieuw geprobeerd… het resultaat verschijnt in Geschiedenis.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <source>Receipt</source>
        <translation>Bonnetje</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Voorbeeld van het bonnetje</translation>
    </message>
    <message>
        <source>&amp;Open receipt</source>
        <translation>Bonnetje &amp;openen</translation>
    </message>
    <message>
        <source>Select an expense</source>
        <translation>Kies een uitgave</translation>
    </message>
    <message>
        <source>&lt;b&gt;Booked with:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Geboekt met:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pleo&apos;s data of this expense and its receipts were removed from this computer (Settings, Data folder); the ledger entry keeps them.</source>
        <translation>De Pleo-gegevens van deze uitgave en de bonnetjes zijn van deze computer verwijderd (Instellingen, Gegevensmap); de boeking in de administratie bewaart ze.</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Geen bonnetje</translation>
    </message>
    <message>
        <source>The receipt is fetched when the expense is exported.</source>
        <translation>Het bonnetje wordt opgehaald als de uitgave wordt geëxporteerd.</translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation>In de administratie</translation>
    </message>
    <message>
        <source>Receipt not downloaded</source>
        <translation>Bonnetje niet gedownload</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>PDF &amp;openen</translation>
    </message>
    <message numerus="yes">
        <source>%n more attachment(s)</source>
        <translation>
            <numerusform>nog %n bijlage</numerusform>
            <numerusform>nog %n bijlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconnectDialog</name>
    <message>
        <source>Reconnect {name}</source>
        <translation>{name} opnieuw verbinden</translation>
    </message>
    <message>
        <source>In Pleo, open Settings → API keys, create a new key for {company} and paste it here. The connection stays with the same Pleo company; a key for another company is refused.</source>
        <translation>Open in Pleo Instellingen → API keys, maak een nieuwe sleutel aan voor {company} en plak die hier. De koppeling blijft bij hetzelfde Pleo-bedrijf; een sleutel van een ander bedrijf wordt geweigerd.</translation>
    </message>
    <message>
        <source>What went wrong: {message}</source>
        <translation>Wat er misging: {message}</translation>
    </message>
    <message>
        <source>New Pleo API key</source>
        <translation>Nieuwe Pleo API key</translation>
    </message>
    <message>
        <source>Leave empty to try the stored key again</source>
        <translation>Leeg laten om de opgeslagen sleutel opnieuw te proberen</translation>
    </message>
    <message>
        <source>New API &amp;key:</source>
        <translation>Nieuwe API-&amp;sleutel:</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>Opnieuw &amp;verbinden</translation>
    </message>
    <message>
        <source>Checking the new credentials with the ledger…</source>
        <translation>De nieuwe inloggegevens worden gecontroleerd bij de boekhouding…</translation>
    </message>
    <message>
        <source>Checking with Pleo and the ledger…</source>
        <translation>Bezig met controleren bij Pleo en de administratie…</translation>
    </message>
    <message>
        <source>Connected to {company}</source>
        <translation>Verbonden met {company}</translation>
    </message>
</context>
<context>
    <name>ReconnectPanel</name>
    <message>
        <source>Odoo refused the stored API key. Sign in to Odoo as {login}, open your profile &gt; Account Security &gt; New API Key and paste the key here. The connection stays with the database {database} and the company {company}.</source>
        <translation>Odoo weigerde de opgeslagen API-sleutel. Log in bij Odoo als {login}, open je profiel &gt; Accountbeveiliging &gt; Nieuwe API-sleutel en plak de sleutel hier. De koppeling blijft bij de database {database} en het bedrijf {company}.</translation>
    </message>
    <message>
        <source>New Odoo API key</source>
        <translation>Nieuwe Odoo-API-sleutel</translation>
    </message>
    <message>
        <source>Lexware Office refused the stored API key (keys expire after 24 months). Create a new key in Lexware Office under Add-ons &gt; Public API for the company {company} and paste it here.</source>
        <translation>Lexware Office weigerde de opgeslagen API-sleutel (sleutels verlopen na 24 maanden). Maak in Lexware Office onder Add-ons &gt; Public API een nieuwe sleutel voor het bedrijf {company} en plak hem hier.</translation>
    </message>
    <message>
        <source>New Lexware Office API key</source>
        <translation>Nieuwe API-sleutel van Lexware Office</translation>
    </message>
    <message>
        <source>Leave empty to try the stored key again</source>
        <translation>Laat leeg om de opgeslagen sleutel opnieuw te proberen</translation>
    </message>
    <message>
        <source>New &amp;Lexware Office API key:</source>
        <translation>Nieuwe API-sleutel van &amp;Lexware Office:</translation>
    </message>
    <message>
        <source>New &amp;Odoo API key:</source>
        <translation>Nieuwe &amp;Odoo-API-sleutel:</translation>
    </message>
    <message>
        <source>Xero ended pleodesk&apos;s sign-in. Reconnect opens Xero&apos;s sign-in in your browser: sign in and choose {name}. A sign-in to another organisation is refused, and nothing is changed then.</source>
        <translation>Xero heeft de aanmelding van pleodesk beëindigd. Opnieuw verbinden opent de aanmelding van Xero in je browser: meld je aan en kies {name}. Een aanmelding bij een andere organisatie wordt geweigerd, en dan verandert er niets.</translation>
    </message>
    <message>
        <source>Sign in to &amp;Xero again</source>
        <translation>Opnieuw aanmelden bij &amp;Xero</translation>
    </message>
    <message>
        <source>Sign in to Xero again</source>
        <translation>Opnieuw aanmelden bij Xero</translation>
    </message>
    <message>
        <source>QuickBooks ended pleodesk&apos;s sign-in. Reconnect opens Intuit&apos;s sign-in in your browser: sign in and choose {name}. A sign-in to another company is refused, and nothing is changed then.</source>
        <translation>QuickBooks heeft de aanmelding van pleodesk beëindigd. Opnieuw koppelen opent de aanmelding van Intuit in uw browser: meld u aan en kies {name}. Een aanmelding bij een ander bedrijf wordt geweigerd en er verandert dan niets.</translation>
    </message>
    <message>
        <source>Sign in to &amp;QuickBooks again</source>
        <translation>Opnieuw aanmelden bij &amp;QuickBooks</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Stoppen met wachten</translation>
    </message>
    <message>
        <source>The answer the QuickBooks page shows</source>
        <translation>Het antwoord dat de QuickBooks-pagina toont</translation>
    </message>
    <message>
        <source>Waiting for QuickBooks in your browser… If the browser shows a line to copy, paste it below and press Enter. Press Stop waiting to give up.</source>
        <translation>Wachten op QuickBooks in uw browser… Toont de browser een regel om te kopiëren, plak die dan hieronder en druk op Enter. Klik op Stoppen met wachten om op te geven.</translation>
    </message>
    <message>
        <source>Stop waiting for the Xero sign-in</source>
        <translation>Stoppen met wachten op de aanmelding bij Xero</translation>
    </message>
    <message>
        <source>Waiting for Xero in your browser… Press Stop waiting to give up.</source>
        <translation>Wachten op Xero in je browser… Druk op Stoppen met wachten om het op te geven.</translation>
    </message>
    <message>
        <source>The sign-in was stopped; nothing was changed.</source>
        <translation>De aanmelding is gestopt; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Pennylane refused the stored API token (it may have been revoked or have expired). Make a new token for {company} in Pennylane under Settings &gt; Connectivity &gt; Developers and paste it here.</source>
        <translation>Pennylane heeft het opgeslagen API-token geweigerd (het kan zijn ingetrokken of verlopen). Maak in Pennylane onder Paramètres &gt; Connectivité &gt; Développeurs een nieuw token voor {company} en plak het hier.</translation>
    </message>
    <message>
        <source>New Pennylane API token</source>
        <translation>Nieuw Pennylane-API-token</translation>
    </message>
    <message>
        <source>New &amp;Pennylane token:</source>
        <translation>Nieuw &amp;Pennylane-token:</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>&amp;Sync this administration on a schedule</source>
        <translation>Deze administratie volgens &amp;schema synchroniseren</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplande synchronisatie</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Dagelijks</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Maandelijks</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Hoe vaak</translation>
    </message>
    <message>
        <source>How &amp;often:</source>
        <translation>Hoe &amp;vaak:</translation>
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
        <translation>Stoppen op</translation>
    </message>
    <message>
        <source>Has an end date</source>
        <translation>Heeft een einddatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>&amp;Einddatum:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Delay in days</source>
        <translation>Vertraging in dagen</translation>
    </message>
    <message>
        <source>Wait this many days after a period ends before syncing it, so expenses settled late are included.</source>
        <translation>Wacht zoveel dagen na het einde van een periode voordat die wordt gesynchroniseerd, zodat laat verrekende uitgaven meegaan.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Vertraging:</translation>
    </message>
    <message>
        <source>&amp;Automatic (off: only when you press Sync now)</source>
        <translation>&amp;Automatisch (uit: alleen als u op Nu synchroniseren klikt)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Without a schedule, expenses go to the ledger through the export queue and Export a month.</source>
        <translation>Zonder schema gaan uitgaven naar de administratie via de exportwachtrij en Een maand exporteren.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>De einddatum ligt voor de startdatum.</translation>
    </message>
    <message numerus="yes">
        <source>Each day is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Elke dag wordt %n dag na afloop gesynchroniseerd; de eerste, {day}, op {due}.</numerusform>
            <numerusform>Elke dag wordt %n dagen na afloop gesynchroniseerd; de eerste, {day}, op {due}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each month is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Elke maand wordt %n dag na afloop gesynchroniseerd; de eerste, {day}, op {due}.</numerusform>
            <numerusform>Elke maand wordt %n dagen na afloop gesynchroniseerd; de eerste, {day}, op {due}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Connection</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Naam van de koppeling</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Hernoemen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;aam:</translation>
    </message>
    <message>
        <source>Accounting system:</source>
        <translation>Boekhoudpakket:</translation>
    </message>
    <message>
        <source>Pleo company:</source>
        <translation>Pleo-bedrijf:</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>Verbinding &amp;controleren</translation>
    </message>
    <message>
        <source>Run the &amp;setup again…</source>
        <translation>&amp;Opnieuw instellen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Toewijzingen</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Rekeningen…</translation>
    </message>
    <message>
        <source>&amp;Categories and VAT…</source>
        <translation>&amp;Categorieën en btw…</translation>
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
        <translation> minuten</translation>
    </message>
    <message>
        <source>Export queue interval in minutes</source>
        <translation>Interval van de exportwachtrij in minuten</translation>
    </message>
    <message>
        <source>Check the export &amp;queue every:</source>
        <translation>Export&amp;wachtrij controleren elke:</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Definitief</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>Create entries as:</source>
        <translation>Boekingen aanmaken als:</translation>
    </message>
    <message>
        <source>Export &amp;receipts</source>
        <translation>&amp;Bonnetjes exporteren</translation>
    </message>
    <message>
        <source>&amp;Ignore Pleo wallet top-ups</source>
        <translation>Opwaarderingen van de Pleo-wallet &amp;negeren</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Bankfeed</translation>
    </message>
    <message>
        <source>Send the Pleo &amp;bank feed at 08:00 and 13:00 UTC</source>
        <translation>Pleo-&amp;bankfeed versturen om 08:00 en 13:00 UTC</translation>
    </message>
    <message>
        <source>Send the feed &amp;now</source>
        <translation>Feed &amp;nu versturen</translation>
    </message>
    <message>
        <source>Newest statement file</source>
        <translation>Nieuwste afschriftbestand</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Map openen</translation>
    </message>
    <message>
        <source>Show the statement files in the file manager, the newest one highlighted.</source>
        <translation>Toont de afschriftbestanden in bestandsbeheer, met het nieuwste gemarkeerd.</translation>
    </message>
    <message>
        <source>&amp;Import in the ledger…</source>
        <translation>&amp;Importeren in de boekhouding…</translation>
    </message>
    <message>
        <source>Opens the ledger&apos;s statement import in the browser and shows the newest file to pick there.</source>
        <translation>Opent de afschriftimport van de boekhouding in de browser en toont het nieuwste bestand om daar te kiezen.</translation>
    </message>
    <message>
        <source>Scheduled sync of this administration</source>
        <translation>Geplande synchronisatie van deze administratie</translation>
    </message>
    <message>
        <source>Save the &amp;schedule</source>
        <translation>&amp;Schema opslaan</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Nu s&amp;ynchroniseren</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>De&amp;activeren</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
    <message>
        <source>and</source>
        <translation>en</translation>
    </message>
    <message>
        <source>That is {times} your time. The feed and the export carry the same reference, so you match them in reconciliation and nothing is booked twice.</source>
        <translation>Dat is {times} uw tijd. Feed en export dragen dezelfde referentie, zodat u ze bij het afstemmen aan elkaar koppelt en niets dubbel wordt geboekt.</translation>
    </message>
    <message>
        <source>Edit the connection to choose it.</source>
        <translation>Bewerk de koppeling om het te kiezen.</translation>
    </message>
    <message>
        <source>Mapped: {categories}, {taxes}, {groups}.</source>
        <translation>Gekoppeld: {categories}, {taxes}, {groups}.</translation>
    </message>
    <message numerus="yes">
        <source>%n category(-ies)</source>
        <translation>
            <numerusform>%n categorie</numerusform>
            <numerusform>%n categorieën</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VAT code(s)</source>
        <translation>
            <numerusform>%n btw-code</numerusform>
            <numerusform>%n btw-codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag group(s)</source>
        <translation>
            <numerusform>%n taggroep</numerusform>
            <numerusform>%n taggroepen</numerusform>
        </translation>
    </message>
    <message>
        <source>Next check of the export queue: {when}.</source>
        <translation>Volgende controle van de exportwachtrij: {when}.</translation>
    </message>
    <message>
        <source>Waiting for you to press Sync now: {periods}.</source>
        <translation>Wacht tot u op Nu synchroniseren klikt: {periods}.</translation>
    </message>
    <message>
        <source>Next scheduled sync: {when}.</source>
        <translation>Volgende geplande synchronisatie: {when}.</translation>
    </message>
    <message>
        <source>The schedule has ended.</source>
        <translation>Het schema is afgelopen.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Niet opgeslagen: {error}</translation>
    </message>
    <message>
        <source>&amp;Import in {system}…</source>
        <translation>&amp;Importeren in {system}…</translation>
    </message>
    <message>
        <source>No statement file yet: the first is written at the next feed time, in {folder}.</source>
        <translation>Nog geen afschriftbestand: het eerste wordt op het volgende feedtijdstip geschreven, in {folder}.</translation>
    </message>
    <message>
        <source>Newest statement file: {file} ({when}), in {folder}.</source>
        <translation>Nieuwste afschriftbestand: {file} ({when}), in {folder}.</translation>
    </message>
    <message>
        <source>In {system}, choose Import a statement&apos;s file {file}: lines imported before are skipped.</source>
        <translation>Kies in {system} bij Afschrift importeren het bestand {file}: eerder geïmporteerde regels worden overgeslagen.</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>Schema opgeslagen.</translation>
    </message>
    <message>
        <source>The schedule was not saved: {error}</source>
        <translation>De planning is niet opgeslagen: {error}</translation>
    </message>
    <message>
        <source>Syncing {periods}…</source>
        <translation>{periods} wordt gesynchroniseerd…</translation>
    </message>
    <message>
        <source>Not renamed: {error}</source>
        <translation>Niet hernoemd: {error}</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
    <message>
        <source>Deactivate {name}? Nothing is exported for it until you activate it again; its history stays.</source>
        <translation>{name} deactiveren? Er wordt niets voor geëxporteerd tot u de koppeling weer activeert; de geschiedenis blijft bewaard.</translation>
    </message>
    <message>
        <source>Not activated: the connection {name} already exports this Pleo company. Deactivate it first.</source>
        <translation>Niet geactiveerd: de koppeling {name} exporteert dit Pleo-bedrijf al. Deactiveer die eerst.</translation>
    </message>
    <message>
        <source>Checking Pleo and the ledger…</source>
        <translation>Pleo en de administratie worden gecontroleerd…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up a connection</source>
        <extracomment>the connection was saved (connection row, month to export now or None)</extracomment>
        <translation>Koppeling instellen</translation>
    </message>
    <message>
        <source>Change the connection {name}</source>
        <translation>Koppeling {name} wijzigen</translation>
    </message>
    <message>
        <source>The connection {name} already exports this Pleo company. Pleo has one accounting integration per company: the first connection to export takes all that waits in Pleo, so a second one would get nothing. Deactivate or delete {name} first (Settings tab), or change that connection instead.</source>
        <translation>De koppeling {name} exporteert dit Pleo-bedrijf al. Pleo heeft één boekhoudkoppeling per bedrijf: de eerste koppeling die exporteert, neemt alles wat in Pleo wacht, dus een tweede zou niets krijgen. Deactiveer of verwijder {name} eerst (tabblad Instellingen), of wijzig liever die koppeling.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nieuwe koppeling</translation>
    </message>
    <message>
        <source>No Pleo API key is stored yet: go back to Connect Pleo.</source>
        <translation>Er is nog geen Pleo API key opgeslagen: ga terug naar Pleo koppelen.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Check the answers, then save. pleodesk checks Pleo and the ledger once more before it saves anything.</source>
        <translation>Controleer de antwoorden en sla op. pleodesk controleert Pleo en de administratie nog één keer voordat er iets wordt opgeslagen.</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Naam van de koppeling</translation>
    </message>
    <message>
        <source>Connection &amp;name:</source>
        <translation>&amp;Naam van de koppeling:</translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation>Overzicht van de instellingen</translation>
    </message>
    <message>
        <source>&amp;Export {month} right after saving</source>
        <translation>{month} direct na het opslaan &amp;exporteren</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Accounting system</source>
        <translation>Boekhoudpakket</translation>
    </message>
    <message>
        <source>Pleo company</source>
        <translation>Pleo-bedrijf</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Map voor het journaal</translation>
    </message>
    <message>
        <source>Company in the ledger</source>
        <translation>Bedrijf in de boekhouding</translation>
    </message>
    <message>
        <source>Xero organisation</source>
        <translation>Xero-organisatie</translation>
    </message>
    <message>
        <source>Journal ({role})</source>
        <translation>Dagboek ({role})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>{mapped} mapped, {unmapped} not mapped</source>
        <translation>{mapped} gekoppeld, {unmapped} niet gekoppeld</translation>
    </message>
    <message>
        <source>Tag groups</source>
        <translation>Labelgroepen</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>elke %n minuut</numerusform>
            <numerusform>elke %n minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Boekingen</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>definitief</translation>
    </message>
    <message>
        <source>drafts</source>
        <translation>concepten</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Bonnetjes</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>geëxporteerd</translation>
    </message>
    <message numerus="yes">
        <source>%n exported as {dimensions}</source>
        <translation>
            <numerusform>%n geëxporteerd als {dimensions}</numerusform>
            <numerusform>%n geëxporteerd als {dimensions}</numerusform>
        </translation>
    </message>
    <message>
        <source>Card expenses booked as</source>
        <translation>Kaartuitgaven geboekt als</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses booked as</source>
        <translation>Voorgeschoten uitgaven geboekt als</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>niet geëxporteerd</translation>
    </message>
    <message>
        <source>Wallet top-ups</source>
        <translation>Opwaarderingen van de wallet</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Exportwachtrij</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Bankfeed</translation>
    </message>
    <message>
        <source>on</source>
        <translation>aan</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>dagelijks</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>maandelijks</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual only</source>
        <translation>alleen handmatig</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplande synchronisatie</translation>
    </message>
    <message>
        <source>The connection name is too long: use at most {n} characters.</source>
        <translation>De naam van de koppeling is te lang: gebruik hoogstens {n} tekens.</translation>
    </message>
    <message>
        <source>The connection name contains {char}, which cannot be shown as text: use letters, digits, spaces and punctuation only.</source>
        <translation>De naam van de koppeling bevat {char}, dat niet als tekst te tonen is: gebruik alleen letters, cijfers, spaties en leestekens.</translation>
    </message>
    <message>
        <source>The connection needs a name.</source>
        <translation>De koppeling heeft een naam nodig.</translation>
    </message>
    <message>
        <source>Another connection is already called {name}.</source>
        <translation>Er is al een andere koppeling met de naam {name}.</translation>
    </message>
    <message>
        <source>Checking Pleo and the ledger, then saving…</source>
        <translation>Pleo en de administratie worden gecontroleerd, daarna wordt opgeslagen…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Not saved yet. Fix this first:</source>
        <translation>Nog niet opgeslagen. Los eerst dit op:</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Niet opgeslagen: {error}</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Pleo tag group</source>
        <translation>Pleo-labelgroep</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>dimensie</translation>
    </message>
    <message>
        <source>Pleo tag groups and where they go in the ledger</source>
        <translation>Pleo-taggroepen en waar ze in de boekhouding terechtkomen</translation>
    </message>
    <message>
        <source>Pleo tag</source>
        <translation>Pleo-label</translation>
    </message>
    <message>
        <source>Value in the ledger</source>
        <translation>Waarde in de administratie</translation>
    </message>
    <message>
        <source>Tags and their dimension values</source>
        <translation>Labels en hun dimensiewaarden</translation>
    </message>
    <message>
        <source>Create the &amp;missing values…</source>
        <translation>&amp;Ontbrekende waarden aanmaken…</translation>
    </message>
    <message>
        <source>Create a value in the ledger for each tag of the chosen group that has none yet, named as in Pleo, and map the tags to them.</source>
        <translation>Maak in de boekhouding een waarde aan voor elke tag van de gekozen groep die er nog geen heeft, met de naam uit Pleo, en koppel de tags eraan.</translation>
    </message>
    <message numerus="yes">
        <source>Create %n missing value(s) in {dimension}…</source>
        <translation>
            <numerusform>%n ontbrekende waarde aanmaken in {dimension}…</numerusform>
            <numerusform>%n ontbrekende waarden aanmaken in {dimension}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Create values</source>
        <translation>Waarden aanmaken</translation>
    </message>
    <message>
        <source>Create these values in {dimension}, and map the tags to them?

{values}</source>
        <translation>Deze waarden aanmaken in {dimension} en de tags eraan koppelen?

{values}</translation>
    </message>
    <message>
        <source>— not exported —</source>
        <translation>— niet geëxporteerd —</translation>
    </message>
    <message>
        <source>{name} (not in the ledger)</source>
        <translation>{name} (niet in de administratie)</translation>
    </message>
    <message>
        <source>{dimension} for tag group {group}</source>
        <translation>{dimension} voor taggroep {group}</translation>
    </message>
    <message>
        <source>Too many tag groups</source>
        <translation>Te veel taggroepen</translation>
    </message>
    <message numerus="yes">
        <source>At most %n tag group(s) can be exported as {dimensions}. Stop exporting another group first.</source>
        <translation>
            <numerusform>Er kan hoogstens %n taggroep worden geëxporteerd als {dimensions}. Stop eerst met het exporteren van een andere groep.</numerusform>
            <numerusform>Er kunnen hoogstens %n taggroepen worden geëxporteerd als {dimensions}. Stop eerst met het exporteren van een andere groep.</numerusform>
        </translation>
    </message>
    <message>
        <source>— choose the {dimension} first —</source>
        <translation>— kies eerst de {dimension} —</translation>
    </message>
    <message numerus="yes">
        <source>{groups} of at most {max} tag groups exported as {dimensions}; %n tag(s) mapped.</source>
        <translation>
            <numerusform>{groups} van hoogstens {max} taggroepen geëxporteerd als {dimensions}; %n tag gekoppeld.</numerusform>
            <numerusform>{groups} van hoogstens {max} taggroepen geëxporteerd als {dimensions}; %n tags gekoppeld.</numerusform>
        </translation>
    </message>
    <message>
        <source>dimensions</source>
        <translation>dimensies</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— niet gekoppeld —</translation>
    </message>
    <message>
        <source>Value for tag {tag}</source>
        <translation>Waarde voor label {tag}</translation>
    </message>
</context>
<context>
    <name>TaxTable</name>
    <message>
        <source>Pleo tax code</source>
        <translation>Pleo-btw-code</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarief</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Btw-code</translation>
    </message>
    <message>
        <source>Pleo tax codes and their ledger tax codes</source>
        <translation>Pleo-btw-codes en hun btw-codes in de administratie</translation>
    </message>
    <message>
        <source>(reverse charge)</source>
        <translation>(verlegd)</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— niet gekoppeld —</translation>
    </message>
    <message>
        <source>Ledger tax code for {tax}</source>
        <translation>Btw-code in de administratie voor {tax}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Open pleodesk</source>
        <translation>pleodesk &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>A new statement file is ready</source>
        <translation>Er staat een nieuw afschriftbestand klaar</translation>
    </message>
    <message>
        <source>{name}: import {file} in {system} (Settings &gt; Bank feed &gt; Import). Click to show the file.</source>
        <translation>{name}: importeer {file} in {system} (Instellingen &gt; Bankfeed &gt; Importeren). Klik om het bestand te tonen.</translation>
    </message>
    <message>
        <source>{name}: {what} — {status}</source>
        <translation>{name}: {what} — {status}</translation>
    </message>
    <message numerus="yes">
        <source>pleodesk: %n expense(s) need attention</source>
        <translation>
            <numerusform>pleodesk: %n uitgave vraagt aandacht</numerusform>
            <numerusform>pleodesk: %n uitgaven vragen aandacht</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {new} more held or failed since the last run. Open Problems to fix them.</source>
        <translation>{name}: {new} meer aangehouden of mislukt sinds de vorige keer. Open Problemen om ze op te lossen.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to pleodesk</source>
        <translation>Welkom bij pleodesk</translation>
    </message>
    <message>
        <source>pleodesk sends your company&apos;s Pleo expenses to your accounting system: each expense with its category, VAT, labels and receipt. Setting it up takes about five minutes; you can close this window at any time and continue later.</source>
        <translation>pleodesk stuurt de Pleo-uitgaven van uw bedrijf naar uw boekhoudpakket: elke uitgave met categorie, btw, labels en bonnetje. Het instellen duurt ongeveer vijf minuten; u kunt dit venster altijd sluiten en later verdergaan.</translation>
    </message>
    <message>
        <source>Which accounting system do you use?</source>
        <translation>Welk boekhoudpakket gebruikt u?</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Wat u nodig hebt</translation>
    </message>
    <message>
        <source>A Pleo API key and your Pleo company id (in Pleo: Settings → API keys).</source>
        <translation>Een Pleo API key en uw Pleo-bedrijfs-id (in Pleo: Instellingen → API keys).</translation>
    </message>
    <message>
        <source>Access to your accounting system, or a folder for the journal file.</source>
        <translation>Toegang tot uw boekhoudpakket, of een map voor het journaalbestand.</translation>
    </message>
    <message>
        <source>Your chart of accounts: which ledger account each Pleo category goes to.</source>
        <translation>Uw rekeningschema: naar welke grootboekrekening elke Pleo-categorie gaat.</translation>
    </message>
    <message>
        <source>Starting the setup…</source>
        <translation>Instellen wordt gestart…</translation>
    </message>
</context>
<context>
    <name>fec</name>
    <message>
        <source>FEC file (France): Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime</source>
        <extracomment>Where the wizard keeps the FEC&apos;s chart in the connection&apos;s settings.</extracomment>
        <translation>FEC-bestand (Frankrijk): Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime</translation>
    </message>
    <message>
        <source>A fichier des écritures comptables in its legal form for each export, with the receipts beside it, for French ledgers that import files.</source>
        <translation>Een fichier des écritures comptables in de wettelijke vorm voor elke export, met de bonnen ernaast, voor Franse boekhoudpakketten die bestanden importeren.</translation>
    </message>
    <message>
        <source>account (plan comptable général)</source>
        <translation>rekening (plan comptable général)</translation>
    </message>
    <message>
        <source>VAT code</source>
        <translation>btw-code</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>dimensie</translation>
    </message>
    <message>
        <source>dimensions (the FEC has no analytic columns)</source>
        <translation>dimensies (de FEC heeft geen analytische kolommen)</translation>
    </message>
    <message>
        <source>Pleo bank account (512…)</source>
        <translation>Pleo-bankrekening (512…)</translation>
    </message>
    <message>
        <source>Amounts owed to employees (421…)</source>
        <translation>Aan medewerkers verschuldigde bedragen (421…)</translation>
    </message>
    <message>
        <source>Suppliers (401…)</source>
        <translation>Leveranciers (401…)</translation>
    </message>
    <message>
        <source>These accounts are the counter side of each entry. They must be accounts of the plan comptable général that your ledger has; create them here if the chart lacks them.</source>
        <translation>Deze rekeningen zijn de tegenkant van elke boeking. Het moeten rekeningen van het plan comptable général zijn die uw boekhouding heeft; maak ze hier aan als ze in het schema ontbreken.</translation>
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
        <translation>Een andere boekhouding</translation>
    </message>
    <message>
        <source>Select the fiscal year the entries belong to (Dossier &gt; Exercices).</source>
        <translation>Kies het boekjaar van de boekingen (Dossier &gt; Exercices).</translation>
    </message>
    <message>
        <source>Import the run&apos;s .txt file with Comptabilité &gt; Imports &gt; Écritures &gt; FEC.</source>
        <translation>Importeer het .txt-bestand van de export met Comptabilité &gt; Imports &gt; Écritures &gt; FEC.</translation>
    </message>
    <message>
        <source>The FEC import attaches no receipts: attach them from the run&apos;s folder, where each is named after its entry&apos;s PieceRef.</source>
        <translation>De FEC-import koppelt geen bonnen: koppel ze vanuit de map van de export, waar elke bon naar de PieceRef van zijn boeking heet.</translation>
    </message>
    <message>
        <source>Whether the import adds to the entries already there or replaces them: try a first file on a test folder.</source>
        <translation>Of de import de boekingen toevoegt aan wat er al staat of ze vervangt: probeer een eerste bestand in een testdossier.</translation>
    </message>
    <message>
        <source>Click the import icon at the top right and choose the run&apos;s .txt file.</source>
        <translation>Klik rechtsboven op het importpictogram en kies het .txt-bestand van de export.</translation>
    </message>
    <message>
        <source>Choose (or create) the fiscal year; do not close the year after the import.</source>
        <translation>Kies (of maak) het boekjaar; sluit het jaar niet af na de import.</translation>
    </message>
    <message>
        <source>Choose to add the entries to those of the period (&quot;rajouter&quot;), not to replace them.</source>
        <translation>Kies ervoor de boekingen toe te voegen aan die van de periode (&quot;rajouter&quot;), niet om ze te vervangen.</translation>
    </message>
    <message>
        <source>To take the receipts too, choose &quot;Importer un FEC avec ses pièces comptables&quot;; how Inqom wants them packed with the file: pleodesk puts them beside it, named after each entry&apos;s PieceRef.</source>
        <translation>Kies &quot;Importer un FEC avec ses pièces comptables&quot; om ook de bonnen mee te nemen; hoe Inqom ze bij het bestand verpakt wil hebben: pleodesk zet ze ernaast, genoemd naar de PieceRef van elke boeking.</translation>
    </message>
    <message>
        <source>Each run also writes Sage&apos;s documented text import of entries (the file ending in _sage.txt: tab separated, dates JJMMAA).</source>
        <translation>Elke export schrijft ook de door Sage beschreven tekstimport van boekingen (het bestand dat eindigt op _sage.txt: tab-gescheiden, datums JJMMAA).</translation>
    </message>
    <message>
        <source>The import menu of Sage 100 Comptabilité (a &quot;Format Sage&quot; or &quot;format paramétrable&quot; import), and whether it imports an FEC.</source>
        <translation>Het importmenu van Sage 100 Comptabilité (een import &quot;Format Sage&quot; of &quot;format paramétrable&quot;), en of het een FEC importeert.</translation>
    </message>
    <message>
        <source>Receipts do not go with the file: attach them from the run&apos;s folder.</source>
        <translation>Bonnen gaan niet mee met het bestand: koppel ze vanuit de map van de export.</translation>
    </message>
    <message>
        <source>Comptabilité Expert imports files under Outils &gt; Importation (confirmed for fixed assets).</source>
        <translation>Comptabilité Expert importeert bestanden onder Outils &gt; Importation (bevestigd voor vaste activa).</translation>
    </message>
    <message>
        <source>Whether it imports entries from an FEC, and through which screen: ask the accounting firm.</source>
        <translation>Of het boekingen uit een FEC importeert, en via welk scherm: vraag het uw accountantskantoor.</translation>
    </message>
    <message>
        <source>Each run also writes the flat CSV MyUnisoft takes from expense tools (the file ending in _myunisoft.csv: debit and credit columns, dates yyyyMMdd, comma decimals).</source>
        <translation>Elke export schrijft ook het platte CSV-bestand dat MyUnisoft van declaratietools aanneemt (het bestand dat eindigt op _myunisoft.csv: debet- en creditkolommen, datums yyyyMMdd, decimale komma).</translation>
    </message>
    <message>
        <source>The column order and the import screen MyUnisoft expects, and whether it imports an FEC: the file&apos;s header names each column for the import&apos;s mapping.</source>
        <translation>De kolomvolgorde en het importscherm die MyUnisoft verwacht, en of het een FEC importeert: de kopregel van het bestand noemt elke kolom voor de koppeling bij de import.</translation>
    </message>
    <message>
        <source>Whether Tiime imports entries from an FEC or another file: ask the accountant which import screen they use before relying on it.</source>
        <translation>Of Tiime boekingen uit een FEC of een ander bestand importeert: vraag de accountant welk importscherm hij gebruikt voordat u erop rekent.</translation>
    </message>
    <message>
        <source>Import the run&apos;s .txt file with your ledger&apos;s FEC import.</source>
        <translation>Importeer het .txt-bestand van de export met de FEC-import van uw boekhouding.</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>niet bevestigd</translation>
    </message>
    <message>
        <source>One entry per expense</source>
        <translation>Eén boeking per uitgave</translation>
    </message>
    <message>
        <source>One summary entry per day</source>
        <translation>Eén verzamelboeking per dag</translation>
    </message>
    <message>
        <source>One summary entry per month</source>
        <translation>Eén verzamelboeking per maand</translation>
    </message>
    <message>
        <source>{code} is not an account of the plan comptable général: use a number such as 512100.</source>
        <translation>{code} is geen rekening van het plan comptable général: gebruik een nummer zoals 512100.</translation>
    </message>
    <message>
        <source>The SIREN is the company&apos;s 9-digit number (the first 9 digits of its SIRET, on its Kbis extract).</source>
        <translation>Het SIREN is het 9-cijferige nummer van het bedrijf (de eerste 9 cijfers van zijn SIRET, op het Kbis-uittreksel).</translation>
    </message>
    <message>
        <source>This SIREN has a wrong check digit: compare it with the Kbis extract.</source>
        <translation>Dit SIREN heeft een verkeerd controlecijfer: vergelijk het met het Kbis-uittreksel.</translation>
    </message>
    <message>
        <source>The journal code is 1 to 8 capital letters or digits, such as PLEO.</source>
        <translation>De dagboekcode bestaat uit 1 tot 8 hoofdletters of cijfers, zoals PLEO.</translation>
    </message>
    <message>
        <source>{ledger} keeps the journal code {code} for itself: choose another.</source>
        <translation>{ledger} houdt de dagboekcode {code} voor zichzelf: kies een andere.</translation>
    </message>
    <message>
        <source>Write the last day of the fiscal year as month-day, such as 12-31.</source>
        <translation>Schrijf de laatste dag van het boekjaar als maand-dag, zoals 12-31.</translation>
    </message>
</context>
<context>
    <name>journal_file</name>
    <message>
        <source>General journal file (CSV)</source>
        <translation>Memoriaalbestand (CSV)</translation>
    </message>
    <message>
        <source>journal file</source>
        <translation>journaalbestand</translation>
    </message>
    <message>
        <source>One balanced journal entry per expense in a CSV file, receipts in a folder beside it; for any ledger that imports a general journal.</source>
        <translation>Eén sluitende journaalpost per uitgave in een CSV-bestand, bonnetjes in een map ernaast; voor elk boekhoudpakket dat een memoriaal kan inlezen.</translation>
    </message>
    <message>
        <source>ledger account</source>
        <translation>grootboekrekening</translation>
    </message>
    <message>
        <source>VAT code</source>
        <translation>btw-code</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>dimensie</translation>
    </message>
    <message>
        <source>dimensions (cost centres, projects)</source>
        <translation>dimensies (kostenplaatsen, projecten)</translation>
    </message>
    <message>
        <source>Pleo bank account (the wallet)</source>
        <translation>Pleo-bankrekening (de wallet)</translation>
    </message>
    <message>
        <source>These accounts are the counter side of each journal entry. They must exist in the chart of accounts; create them here if they do not.</source>
        <translation>Deze rekeningen zijn de tegenboeking van elke journaalpost. Ze moeten in het rekeningschema staan; maak ze hier aan als dat niet zo is.</translation>
    </message>
    <message>
        <source>Line {line} needs a code and a name.</source>
        <translation>Regel {line} heeft een nummer en een naam nodig.</translation>
    </message>
    <message>
        <source>The file holds no accounts.</source>
        <translation>Het bestand bevat geen rekeningen.</translation>
    </message>
    <message>
        <source>The chart has no dimension named {name}.</source>
        <translation>Het rekeningschema heeft geen dimensie {name}.</translation>
    </message>
    <message>
        <source>Account {code} already exists ({name}).</source>
        <translation>Rekening {code} bestaat al ({name}).</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Kies een map.</translation>
    </message>
    <message>
        <source>{folder} cannot be created.</source>
        <translation>{folder} kan niet worden aangemaakt.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} is een bestand, geen map.</translation>
    </message>
    <message>
        <source>You cannot write to {folder}. Choose another folder.</source>
        <translation>U kunt niet schrijven in {folder}. Kies een andere map.</translation>
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>The keyring in use ({backend}) would keep the keys in a file, or only until pleodesk closes, so pleodesk does not use it.</source>
        <translation>De sleutelbos die nu wordt gebruikt ({backend}) zou de sleutels in een bestand bewaren, of alleen tot pleodesk sluit; daarom gebruikt pleodesk hem niet.</translation>
    </message>
    <message>
        <source>The system keyring ({backend}) could not keep a key: {error}</source>
        <translation>De sleutelbos van het systeem ({backend}) kon geen sleutel bewaren: {error}</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the keys safe.</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar om de sleutels veilig te bewaren.</translation>
    </message>
    <message>
        <source>Nothing was saved. Install GNOME Keyring (Debian and Ubuntu: sudo apt install gnome-keyring) or KWallet, log in again so it is unlocked, and start the setup again. The demo company (pleodesk --demo) needs no keyring.</source>
        <translation>Er is niets opgeslagen. Installeer GNOME Keyring (Debian en Ubuntu: sudo apt install gnome-keyring) of KWallet, meld u opnieuw aan zodat hij ontgrendeld is, en begin opnieuw aan de instelling. Het demobedrijf (pleodesk --demo) heeft geen sleutelbos nodig.</translation>
    </message>
    <message>
        <source>Nothing was saved. Unlock the system keyring (macOS Keychain, Windows Credential Manager) and start the setup again. The demo company (pleodesk --demo) needs no keyring.</source>
        <translation>Er is niets opgeslagen. Ontgrendel de sleutelbos van het systeem (macOS-sleutelhanger, Windows Referentiebeheer) en begin opnieuw aan de instelling. Het demobedrijf (pleodesk --demo) heeft geen sleutelbos nodig.</translation>
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
        <translation>Boekingsstukken in Lexware Office met de bonnen erbij, en de Pleo-kaartregels voor de bankrekening. Geen terugbetalingen (Privatauslagen).</translation>
    </message>
    <message>
        <source>Lexware Office category</source>
        <translation>Lexware Office-categorie</translation>
    </message>
    <message>
        <source>tax rate</source>
        <translation>btw-tarief</translation>
    </message>
    <message>
        <source>cost centre</source>
        <translation>kostenplaats</translation>
    </message>
    <message>
        <source>cost centres</source>
        <translation>kostenplaatsen</translation>
    </message>
    <message>
        <source>Pleo bank account in Lexware Office</source>
        <translation>Pleo-bankrekening in Lexware Office</translation>
    </message>
    <message>
        <source>Open voucher until its payment is matched</source>
        <translation>Open boekingsstuk tot de betaling is gekoppeld</translation>
    </message>
    <message>
        <source>Reimbursements (not supported by Lexware Office)</source>
        <translation>Terugbetalingen (niet ondersteund door Lexware Office)</translation>
    </message>
    <message>
        <source>Reimbursements paid outside Pleo (not supported by Lexware Office)</source>
        <translation>Terugbetalingen buiten Pleo (niet ondersteund door Lexware Office)</translation>
    </message>
    <message>
        <source>Lexware Office books every expense as a voucher (Beleg) that stays open until it is matched with its line on the Pleo bank account, so these two are all it needs; pleodesk chose them.</source>
        <translation>Lexware Office boekt elke uitgave als boekingsstuk (Beleg) dat openstaat tot het aan zijn regel op de Pleo-bankrekening is gekoppeld; meer is niet nodig, pleodesk heeft ze gekozen.</translation>
    </message>
    <message>
        <source>Lexware Office gets the Pleo card lines as transactions of its bank account &quot;Pleo&quot; (pleodesk created it). Every exported voucher comes with an assignment hint: approve the matches in Lexware Office under Finanzen &gt; Bank &gt; Zuordnungsvorschläge. Wallet top-ups and unloads are not sent; add them by hand.</source>
        <translation>Lexware Office krijgt de Pleo-kaartregels als transacties van de bankrekening &quot;Pleo&quot; (pleodesk heeft die aangemaakt). Elk geëxporteerd boekingsstuk krijgt een koppelvoorstel: keur de koppelingen in Lexware Office goed onder Finanzen &gt; Bank &gt; Zuordnungsvorschläge. Opwaarderingen en opnames van de wallet worden niet verstuurd; boek die zelf.</translation>
    </message>
    <message>
        <source>Without Lexware partner access, pleodesk writes the Pleo card lines to CSV files in {folder}. Once: in Lexware Office add a bank account named &quot;Pleo&quot; without online banking (Finanzen &gt; Bank &gt; Bankkonto hinzufügen), and at the first import assign the columns Buchungstag to Datum, Verwendungszweck, Auftraggeber/Empfänger and Betrag. Then import every new file once (the account&apos;s … menu &gt; Umsätze importieren (CSV)): Lexware Office does not notice a file imported twice, and pleodesk never writes a line twice. Wallet top-ups and unloads are not in the files; add them by hand.</source>
        <translation>Zonder partnertoegang van Lexware schrijft pleodesk de Pleo-kaartregels naar CSV-bestanden in {folder}. Eenmalig: voeg in Lexware Office een bankrekening &quot;Pleo&quot; zonder online bankieren toe (Finanzen &gt; Bank &gt; Bankkonto hinzufügen) en wijs bij de eerste import de kolommen Buchungstag toe aan Datum, Verwendungszweck, Auftraggeber/Empfänger en Betrag. Importeer daarna elk nieuw bestand één keer (menu … van de rekening &gt; Umsätze importieren (CSV)): Lexware Office merkt niet dat een bestand twee keer is geïmporteerd, en pleodesk schrijft nooit een regel twee keer. Opwaarderingen en opnames van de wallet staan niet in de bestanden; boek die zelf.</translation>
    </message>
    <message>
        <source>net</source>
        <translation>netto</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>bruto</translation>
    </message>
    <message>
        <source>VAT-free</source>
        <translation>btw-vrij</translation>
    </message>
    <message>
        <source>Connected to {company} (taxation: {tax}); expense categories: {n}.</source>
        <translation>Verbonden met {company} (belasting: {tax}); kostencategorieën: {n}.</translation>
    </message>
    <message>
        <source>Vouchers created: {n}. Look for them in Lexware Office under Belege &gt; Alle Belege (the voucher number is the Pleo reference). The newest:</source>
        <translation>Aangemaakte boekingsstukken: {n}. U vindt ze in Lexware Office onder Belege &gt; Alle Belege (het nummer is de Pleo-referentie). De nieuwste:</translation>
    </message>
    <message>
        <source>No voucher has been created yet: the Export tab and the problems below say why.</source>
        <translation>Er is nog geen boekingsstuk aangemaakt: het tabblad Exporteren en de problemen hieronder zeggen waarom.</translation>
    </message>
    <message>
        <source>Card lines sent to the Pleo bank account: {n}. If the vouchers are there but nothing shows under Finanzen &gt; Bank &gt; Zuordnungsvorschläge, the lines have not reached Lexware Office yet.</source>
        <translation>Kaartregels naar de Pleo-bankrekening gestuurd: {n}. Staan de boekingsstukken er wel, maar toont Finanzen &gt; Bank &gt; Zuordnungsvorschläge niets, dan hebben de regels Lexware Office nog niet bereikt.</translation>
    </message>
    <message>
        <source>A small business (Kleinunternehmer): every expense is booked at 0 %, without input tax.</source>
        <translation>Een kleine ondernemer (Kleinunternehmer): elke uitgave wordt geboekt tegen 0 %, zonder voorbelasting.</translation>
    </message>
    <message>
        <source>These categories need a supplier among the contacts: {names}.</source>
        <translation>Voor deze categorieën moet de leverancier bij de contacten staan: {names}.</translation>
    </message>
    <message>
        <source>Exported but nothing in Lexware Office?</source>
        <translation>Geëxporteerd maar niets in Lexware Office?</translation>
    </message>
    <message>
        <source>No card lines have been sent yet (the bank feed runs at 08:00 and 13:00 UTC when it is on).</source>
        <translation>Er zijn nog geen kaartregels verstuurd (de bankfeed loopt om 08:00 en 13:00 UTC als hij aanstaat).</translation>
    </message>
    <message>
        <source>This key belongs to {company}, not to {expected}: nothing was changed.</source>
        <translation>Deze sleutel hoort bij {company}, niet bij {expected}: er is niets gewijzigd.</translation>
    </message>
</context>
<context>
    <name>mapping</name>
    <message>
        <source> (archived)</source>
        <translation> (gearchiveerd)</translation>
    </message>
    <message>
        <source>{code} (not in the ledger)</source>
        <translation>{code} (niet in de administratie)</translation>
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
        <translation>Journaalposten of inkoopfacturen in Odoo, als concept of geboekt, met de bonnetjes als bijlage; Pleo-labelgroepen als analytische plannen.</translation>
    </message>
    <message>
        <source>Odoo account</source>
        <translation>grootboekrekening in Odoo</translation>
    </message>
    <message>
        <source>Odoo tax</source>
        <translation>btw-code in Odoo</translation>
    </message>
    <message>
        <source>analytic plan</source>
        <translation>analytisch plan</translation>
    </message>
    <message>
        <source>analytic plans</source>
        <translation>analytische plannen</translation>
    </message>
    <message>
        <source>Pleo wallet account</source>
        <translation>Rekening van de Pleo-wallet</translation>
    </message>
    <message>
        <source>Pleo account for out-of-pocket expenses</source>
        <translation>Pleo-rekening voor voorgeschoten uitgaven</translation>
    </message>
    <message>
        <source>Pleo counter account for external reimbursements</source>
        <translation>Pleo-tegenrekening voor declaraties die buiten Pleo worden uitbetaald</translation>
    </message>
    <message>
        <source>Accounts payable (type Payable, for vendor bills)</source>
        <translation>Crediteuren (type Crediteuren, voor inkoopfacturen)</translation>
    </message>
    <message>
        <source>In Odoo these live under Accounting &gt; Configuration &gt; Chart of Accounts. Any type will do, except that accounts payable must be of the type Payable.</source>
        <translation>In Odoo staan deze onder Boekhouding &gt; Configuratie &gt; Rekeningschema. Elk type is goed, alleen moet de crediteurenrekening van het type Crediteuren zijn.</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Journaalpost</translation>
    </message>
    <message>
        <source>Vendor bill</source>
        <translation>Inkoopfactuur</translation>
    </message>
    <message>
        <source>Journal for Pleo expenses (type Miscellaneous):</source>
        <translation>Dagboek voor Pleo-uitgaven (type Diversen):</translation>
    </message>
    <message>
        <source>Create {code} &quot;{name}&quot;</source>
        <translation>{code} &quot;{name}&quot; aanmaken</translation>
    </message>
    <message>
        <source>Journal for vendor bills (type Purchase):</source>
        <translation>Dagboek voor leveranciersrekeningen (type Inkoop):</translation>
    </message>
    <message>
        <source>Bank journal of the Pleo wallet, for the bank feed:</source>
        <translation>Bankdagboek van de Pleo-wallet, voor de bankfeed:</translation>
    </message>
    <message>
        <source>The bank feed needs the bank journal of the Pleo wallet: choose it on the page &quot;Bank account and journals&quot;. If Odoo has none yet, create one there (Accounting &gt; Configuration &gt; Journals &gt; New, type Bank, with the Pleo wallet account as its account) and read the journals again.</source>
        <translation>De bankfeed heeft het bankdagboek van de Pleo-wallet nodig: kies het op de pagina &quot;Bankrekening en dagboeken&quot;. Heeft Odoo er nog geen, maak er dan een aan (Boekhouding &gt; Configuratie &gt; Dagboeken &gt; Nieuw, type Bank, met de rekening van de Pleo-wallet als rekening) en lees de dagboeken opnieuw.</translation>
    </message>
    <message>
        <source>The Odoo user may not use the chosen company. Choose another one.</source>
        <translation>De Odoo-gebruiker heeft geen toegang tot het gekozen bedrijf. Kies een ander bedrijf.</translation>
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
        <translation>Boekingen in een Pleo-dagboek in Pennylane, één per uitgave met de bon of één per dag of maand; analytische categorieën als Pleo-labelgroepen.</translation>
    </message>
    <message>
        <source>ledger account</source>
        <translation>grootboekrekening</translation>
    </message>
    <message>
        <source>VAT account and rate</source>
        <translation>btw-rekening en tarief</translation>
    </message>
    <message>
        <source>analytic category group</source>
        <translation>groep analytische categorieën</translation>
    </message>
    <message>
        <source>analytic category groups</source>
        <translation>groepen analytische categorieën</translation>
    </message>
    <message>
        <source>Pleo bank ledger account (512…)</source>
        <translation>Pleo-bankrekening in het grootboek (512…)</translation>
    </message>
    <message>
        <source>Amounts owed to employees (421…)</source>
        <translation>Aan medewerkers verschuldigde bedragen (421…)</translation>
    </message>
    <message>
        <source>Counter account of reimbursements paid outside Pleo</source>
        <translation>Tegenrekening van buiten Pleo betaalde terugbetalingen</translation>
    </message>
    <message>
        <source>Suppliers (401…)</source>
        <translation>Leveranciers (401…)</translation>
    </message>
    <message>
        <source>The Pleo bank ledger account is the counter side of each entry: choose a 512 account, or create one (pleodesk proposes 512100 Banque Pleo). The other accounts are only needed for those kinds of expense.</source>
        <translation>De Pleo-bankrekening is de tegenkant van elke boeking: kies een 512-rekening, of maak er een aan (pleodesk stelt 512100 Banque Pleo voor). De andere rekeningen zijn alleen nodig voor die soorten uitgaven.</translation>
    </message>
    <message>
        <source>Journal for Pleo expenses:</source>
        <translation>Dagboek voor Pleo-uitgaven:</translation>
    </message>
    <message>
        <source>Create {code} &quot;{name}&quot;</source>
        <translation>{code} &quot;{name}&quot; aanmaken</translation>
    </message>
    <message>
        <source>One entry per expense, with its receipt</source>
        <translation>Eén boeking per uitgave, met de bon</translation>
    </message>
    <message>
        <source>One summary entry per day</source>
        <translation>Eén verzamelboeking per dag</translation>
    </message>
    <message>
        <source>One summary entry per month</source>
        <translation>Eén verzamelboeking per maand</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Category {label} has no ledger account</source>
        <translation>Categorie {label} heeft geen grootboekrekening</translation>
    </message>
    <message>
        <source>Choose its ledger account, then press Retry.</source>
        <translation>Kies de grootboekrekening en klik dan op Opnieuw proberen.</translation>
    </message>
    <message>
        <source>Expenses without a category</source>
        <translation>Uitgaven zonder categorie</translation>
    </message>
    <message>
        <source>Give them a category in Pleo, or choose an account for expenses without a category.</source>
        <translation>Geef ze een categorie in Pleo, of kies een rekening voor uitgaven zonder categorie.</translation>
    </message>
    <message>
        <source>Category {label}: its ledger account is not in the ledger</source>
        <translation>Categorie {label}: de grootboekrekening staat niet in de administratie</translation>
    </message>
    <message>
        <source>Choose another ledger account.</source>
        <translation>Kies een andere grootboekrekening.</translation>
    </message>
    <message>
        <source>Category {label}: its ledger account is archived</source>
        <translation>Categorie {label}: de grootboekrekening is gearchiveerd</translation>
    </message>
    <message>
        <source>Choose an active ledger account.</source>
        <translation>Kies een actieve grootboekrekening.</translation>
    </message>
    <message>
        <source>Pleo tax code {label} has no tax code in the ledger</source>
        <translation>Pleo-btw-code {label} heeft geen btw-code in de administratie</translation>
    </message>
    <message>
        <source>Choose its tax code in the ledger.</source>
        <translation>Kies de btw-code in de administratie.</translation>
    </message>
    <message>
        <source>Tax code {label} is not in the ledger</source>
        <translation>Btw-code {label} staat niet in de administratie</translation>
    </message>
    <message>
        <source>Choose another tax code.</source>
        <translation>Kies een andere btw-code.</translation>
    </message>
    <message>
        <source>Tax code {label} is archived in the ledger</source>
        <translation>Btw-code {label} is gearchiveerd in de administratie</translation>
    </message>
    <message>
        <source>Choose an active tax code.</source>
        <translation>Kies een actieve btw-code.</translation>
    </message>
    <message>
        <source>Tax code {label} has another rate in the ledger than in Pleo</source>
        <translation>Btw-code {label} heeft in de administratie een ander tarief dan in Pleo</translation>
    </message>
    <message>
        <source>Choose the tax code with Pleo&apos;s rate.</source>
        <translation>Kies de btw-code met het tarief van Pleo.</translation>
    </message>
    <message>
        <source>Tax code {label} has no tax account in the ledger</source>
        <translation>Btw-code {label} heeft geen btw-rekening in de administratie</translation>
    </message>
    <message>
        <source>Give the tax code its tax account in the ledger.</source>
        <translation>Geef de btw-code een btw-rekening in de administratie.</translation>
    </message>
    <message>
        <source>Tag {label} has no value in the ledger</source>
        <translation>Label {label} heeft geen waarde in de administratie</translation>
    </message>
    <message>
        <source>Choose its value under Labels.</source>
        <translation>Kies de waarde onder Labels.</translation>
    </message>
    <message>
        <source>Tag group {label}: its dimension is not in the ledger</source>
        <translation>Labelgroep {label}: de dimensie staat niet in de administratie</translation>
    </message>
    <message>
        <source>Choose another dimension under Labels.</source>
        <translation>Kies een andere dimensie onder Labels.</translation>
    </message>
    <message>
        <source>Tag {label}: its value is not in the ledger</source>
        <translation>Label {label}: de waarde staat niet in de administratie</translation>
    </message>
    <message>
        <source>Choose another value under Labels.</source>
        <translation>Kies een andere waarde onder Labels.</translation>
    </message>
    <message>
        <source>Tag {label}: its value is archived in the ledger</source>
        <translation>Label {label}: de waarde is gearchiveerd in de administratie</translation>
    </message>
    <message>
        <source>Choose an active value under Labels.</source>
        <translation>Kies een actieve waarde onder Labels.</translation>
    </message>
    <message>
        <source>Two tags give one dimension two values ({label})</source>
        <translation>Twee labels geven één dimensie twee waarden ({label})</translation>
    </message>
    <message>
        <source>Map the tags so that each line gets one value per dimension.</source>
        <translation>Koppel de labels zo dat elke regel één waarde per dimensie krijgt.</translation>
    </message>
    <message>
        <source>No counter account chosen for: {label}</source>
        <translation>Geen tegenrekening gekozen voor: {label}</translation>
    </message>
    <message>
        <source>Choose it under Accounts.</source>
        <translation>Kies die onder Rekeningen.</translation>
    </message>
    <message>
        <source>The counter account for {label} cannot be used in the ledger</source>
        <translation>De tegenrekening voor {label} kan niet worden gebruikt in de administratie</translation>
    </message>
    <message>
        <source>Choose an active account under Accounts.</source>
        <translation>Kies een actieve rekening onder Rekeningen.</translation>
    </message>
    <message>
        <source>Pleo&apos;s amounts do not add up ({label})</source>
        <translation>De bedragen van Pleo kloppen niet ({label})</translation>
    </message>
    <message>
        <source>Check the expense in Pleo, then press Retry.</source>
        <translation>Controleer de uitgave in Pleo en klik dan op Opnieuw proberen.</translation>
    </message>
    <message>
        <source>This kind of expense cannot be booked ({label})</source>
        <translation>Dit soort uitgave kan niet worden geboekt ({label})</translation>
    </message>
    <message>
        <source>Book it by hand in the ledger.</source>
        <translation>Boek hem met de hand in de administratie.</translation>
    </message>
    <message>
        <source>no category, and no account for expenses without a category</source>
        <translation>geen categorie, en geen rekening voor uitgaven zonder categorie</translation>
    </message>
    <message>
        <source>category {key}: no ledger account</source>
        <translation>categorie {key}: geen grootboekrekening</translation>
    </message>
    <message>
        <source>category {key}: account {account} is not in the ledger</source>
        <translation>categorie {key}: rekening {account} staat niet in de administratie</translation>
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
        <translation>Uitgaven in de lijst Uitgaven van QuickBooks op een Pleo-bankrekening, met bonnetjes; klassen, projecten en locaties als Pleo-labels.</translation>
    </message>
    <message>
        <source>QuickBooks account</source>
        <translation>QuickBooks-rekening</translation>
    </message>
    <message>
        <source>QuickBooks VAT code</source>
        <translation>btw-code in QuickBooks</translation>
    </message>
    <message>
        <source>class, project or location</source>
        <translation>klasse, project of locatie</translation>
    </message>
    <message>
        <source>classes, projects and locations</source>
        <translation>klassen, projecten en locaties</translation>
    </message>
    <message>
        <source>Pleo bank account in QuickBooks</source>
        <translation>Pleo-bankrekening in QuickBooks</translation>
    </message>
    <message>
        <source>Pleo Pocket bank account in QuickBooks</source>
        <translation>Pleo Pocket-bankrekening in QuickBooks</translation>
    </message>
    <message>
        <source>Bank account reimbursements are paid from</source>
        <translation>Bankrekening waarvan terugbetalingen worden betaald</translation>
    </message>
    <message>
        <source>Accounts payable (for Pleo invoices, booked as bills)</source>
        <translation>Crediteuren (voor Pleo-facturen, geboekt als inkoopfacturen)</translation>
    </message>
    <message>
        <source>Choose the Pleo bank account created on the previous page (Banque Pleo), and the Pleo Pocket account if you use Pleo Pocket. In QuickBooks these are under Settings &gt; Chart of accounts.</source>
        <translation>Kies de Pleo-bankrekening die op de vorige pagina is gemaakt (Banque Pleo), en de Pleo Pocket-rekening als u Pleo Pocket gebruikt. In QuickBooks staan ze onder Instellingen &gt; Rekeningschema.</translation>
    </message>
    <message>
        <source>QuickBooks Online takes no bank feed from apps: QuickBooks&apos; own bank connections bring the statement lines.</source>
        <translation>QuickBooks Online neemt geen bankfeed van apps aan: de eigen bankkoppelingen van QuickBooks halen de afschriftregels op.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Num&amp;ber:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>&amp;Journal code:</source>
        <translation>&amp;Dagboekcode:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Naam van de rekening</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Rekeningnummer</translation>
    </message>
    <message>
        <source>Journal code</source>
        <translation>Dagboekcode</translation>
    </message>
    <message>
        <source>In QuickBooks, open Settings &gt; Apps &gt; Connected apps and disconnect pleodesk from this company.</source>
        <translation>Open in QuickBooks Instellingen &gt; Apps &gt; Gekoppelde apps en ontkoppel pleodesk van dit bedrijf.</translation>
    </message>
</context>
<context>
    <name>skips</name>
    <message>
        <source>personal spend is settled with the employee, not booked</source>
        <translation>privé-uitgaven worden met de werknemer verrekend, niet geboekt</translation>
    </message>
    <message>
        <source>wallet top-ups and unloads are not exported (setting)</source>
        <translation>opwaarderingen en opnames van de wallet worden niet geëxporteerd (instelling)</translation>
    </message>
    <message>
        <source>nothing to book: every amount is zero</source>
        <translation>niets te boeken: elk bedrag is nul</translation>
    </message>
    <message>
        <source>nothing waiting for export</source>
        <translation>niets wacht op export</translation>
    </message>
    <message>
        <source>bank feed is off for this connection</source>
        <translation>de bankfeed staat uit voor deze koppeling</translation>
    </message>
    <message>
        <source>this accounting system takes no bank feed</source>
        <translation>dit boekhoudpakket neemt geen bankfeed aan</translation>
    </message>
    <message>
        <source>bank feed not available</source>
        <translation>bankfeed niet beschikbaar</translation>
    </message>
    <message>
        <source>reimbursement paid outside Pleo</source>
        <translation>terugbetaling buiten Pleo betaald</translation>
    </message>
    <message>
        <source>reimbursement not exported yet (its kind is not known)</source>
        <translation>terugbetaling nog niet geëxporteerd (het soort is nog niet bekend)</translation>
    </message>
    <message>
        <source>not in the wallet currency</source>
        <translation>niet in de valuta van de wallet</translation>
    </message>
    <message>
        <source>connection deactivated</source>
        <translation>koppeling gedeactiveerd</translation>
    </message>
    <message>
        <source>connection disconnected: reconnect it</source>
        <translation>koppeling verbroken: maak opnieuw verbinding</translation>
    </message>
    <message>
        <source>Lexware Office does not take reimbursements (Privatauslagen): book it by hand</source>
        <translation>Lexware Office kent geen terugbetalingen (Privatauslagen): boek dit zelf</translation>
    </message>
    <message>
        <source>wallet top-ups and unloads are added by hand in Lexware Office</source>
        <translation>opwaarderingen en opnames van de wallet worden in Lexware Office met de hand geboekt</translation>
    </message>
    <message>
        <source>invoice payments are added by hand in Lexware Office and matched to their invoice (the bank feed does not carry them)</source>
        <translation>betalingen van facturen worden in Lexware Office met de hand toegevoegd en aan hun factuur gekoppeld (de bankfeed bevat ze niet)</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The pleodesk database {path} is damaged (it is not a readable database), so pleodesk changed nothing. Restore the file from a backup, or move it away to start afresh (then set up the connections again).</source>
        <translation>De pleodesk-database {path} is beschadigd (het is geen leesbare database), dus pleodesk heeft niets gewijzigd. Zet het bestand terug uit een back-up, of verplaats het om opnieuw te beginnen (stel daarna de koppelingen opnieuw in).</translation>
    </message>
    <message>
        <source>This data was written by a newer pleodesk (database schema {revision}). Update pleodesk to open it; nothing was changed.</source>
        <translation>Deze gegevens zijn geschreven door een nieuwere pleodesk (databaseschema {revision}). Werk pleodesk bij om ze te openen; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>pleodesk cannot write to its data folder {folder}: it is read-only for this user. Make it writable (or set PLEODESK_HOME to a folder that is) and try again; nothing was changed.</source>
        <translation>pleodesk kan niet schrijven in zijn gegevensmap {folder}: die is alleen-lezen voor deze gebruiker. Maak de map beschrijfbaar (of zet PLEODESK_HOME op een map die dat is) en probeer het opnieuw; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>pleodesk could not write to its data folder {folder}: the disk is full (or failing). Free some space and try again; what was saved before is intact.</source>
        <translation>pleodesk kon niet schrijven in zijn gegevensmap {folder}: de schijf is vol (of defect). Maak ruimte vrij en probeer het opnieuw; wat eerder was opgeslagen, is intact.</translation>
    </message>
</context>
<context>
    <name>systems</name>
    <message>
        <source>ledger account</source>
        <translation>grootboekrekening</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>btw-code</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>dimensie</translation>
    </message>
    <message>
        <source>dimensions</source>
        <translation>dimensies</translation>
    </message>
    <message>
        <source>Pleo wallet (the Pleo bank account)</source>
        <translation>Pleo-wallet (de Pleo-bankrekening)</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses owed to employees</source>
        <translation>Voorgeschoten uitgaven te betalen aan werknemers</translation>
    </message>
    <message>
        <source>Reimbursements paid outside Pleo</source>
        <translation>Declaraties betaald buiten Pleo</translation>
    </message>
    <message>
        <source>Accounts payable (vendor bills)</source>
        <translation>Crediteuren (inkoopfacturen)</translation>
    </message>
    <message>
        <source>Choose the accounts Pleo&apos;s money moves through. Only the Pleo wallet is required.</source>
        <translation>Kies de rekeningen waarover het geld van Pleo loopt. Alleen de Pleo-wallet is verplicht.</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Resultaat van de controle</translation>
    </message>
    <message>
        <source>The demo company could not be started: {error}</source>
        <translation>Het demobedrijf kon niet worden gestart: {error}</translation>
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
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Vraagt aandacht</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Verbinding verbroken</translation>
    </message>
    <message>
        <source>Setup not finished</source>
        <translation>Instellen niet af</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Gedeactiveerd</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Handmatig</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Inhaalslag</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Opdrachtregel</translation>
    </message>
    <message>
        <source>Export queue job</source>
        <translation>Exportopdracht uit de wachtrij</translation>
    </message>
    <message>
        <source>Export a month</source>
        <translation>Een maand exporteren</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>Exportwachtrij</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Bankfeed</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplande synchronisatie</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Connection check</source>
        <translation>Controle van de koppeling</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Klaar, met problemen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Onderbroken</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>geëxporteerd</translation>
    </message>
    <message>
        <source>already in the ledger</source>
        <translation>al in de administratie</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <source>held</source>
        <translation>aangehouden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>receipt problems</source>
        <translation>problemen met bonnetjes</translation>
    </message>
    <message>
        <source>sent to the feed</source>
        <translation>naar de feed verstuurd</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>dubbele</translation>
    </message>
    <message>
        <source>already sent</source>
        <translation>al verstuurd</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>in totaal</translation>
    </message>
    <message>
        <source>with a VAT rounding line</source>
        <translation>met een btw-afrondingsregel</translation>
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
        <translation>Spend money op een Pleo-bankrekening in Xero (voor voorgeschoten uitgaven desgewenst bills), met de bonnetjes als bijlage; Pleo-labelgroepen als tracking categories.</translation>
    </message>
    <message>
        <source>Xero account</source>
        <translation>rekening in Xero</translation>
    </message>
    <message>
        <source>Xero tax rate</source>
        <translation>btw-tarief in Xero</translation>
    </message>
    <message>
        <source>tracking category</source>
        <translation>tracking category</translation>
    </message>
    <message>
        <source>tracking categories</source>
        <translation>tracking categories</translation>
    </message>
    <message>
        <source>Pleo bank account in Xero</source>
        <translation>Pleo-bankrekening in Xero</translation>
    </message>
    <message>
        <source>Out-of-pocket bank account in Xero</source>
        <translation>Bankrekening voor voorgeschoten uitgaven in Xero</translation>
    </message>
    <message>
        <source>Bank account reimbursements are paid from</source>
        <translation>Bankrekening waarvan declaraties worden uitbetaald</translation>
    </message>
    <message>
        <source>Accounts payable (for Pleo invoices, booked as bills)</source>
        <translation>Crediteuren (voor facturen die via Pleo worden betaald, geboekt als bills)</translation>
    </message>
    <message>
        <source>In Xero these are under Accounting &gt; Chart of accounts. The Pleo wallet and out-of-pocket accounts must be bank accounts: pleodesk created PLEOBANK and PLEOPOCKET for you where Xero allowed it.</source>
        <translation>In Xero staan deze onder Accounting &gt; Chart of accounts. De rekeningen voor de Pleo-wallet en de voorgeschoten uitgaven moeten bankrekeningen zijn: pleodesk heeft PLEOBANK en PLEOPOCKET voor u aangemaakt waar Xero dat toeliet.</translation>
    </message>
    <message>
        <source>Spend money on the out-of-pocket bank account</source>
        <translation>Spend money op de bankrekening voor voorgeschoten uitgaven</translation>
    </message>
    <message>
        <source>A bill to the employee</source>
        <translation>Een bill (inkoopfactuur) op naam van de werknemer</translation>
    </message>
    <message>
        <source>Xero did not let pleodesk create these accounts in {organisation}, so this is one step by hand:</source>
        <translation>Xero liet pleodesk deze rekeningen niet aanmaken in {organisation}, dus dit is één stap met de hand:</translation>
    </message>
    <message>
        <source>Xero does not let apps add bank accounts to a US organisation.</source>
        <translation>Xero laat apps geen bankrekeningen toevoegen aan een Amerikaanse organisatie.</translation>
    </message>
    <message>
        <source>The organisation cannot use {currency} yet: add it in Xero under Settings &gt; Currencies (it needs a Xero plan with multiple currencies).</source>
        <translation>De organisatie kan {currency} nog niet gebruiken: voeg de valuta in Xero toe onder Settings &gt; Currencies (daarvoor is een Xero-abonnement met meerdere valuta nodig).</translation>
    </message>
    <message>
        <source>• The Pleo bank account: in Xero, add a bank account in {currency} (Accounting &gt; Chart of accounts &gt; Add Bank Account), for example named &quot;Pleo Account&quot;.</source>
        <translation>• De Pleo-bankrekening: voeg in Xero een bankrekening in {currency} toe (Accounting &gt; Chart of accounts &gt; Add Bank Account), bijvoorbeeld met de naam &quot;Pleo Account&quot;.</translation>
    </message>
    <message>
        <source>• The out-of-pocket account: add another bank account in {currency}, for example named &quot;Pleo out-of-pocket&quot; (or book out-of-pocket expenses as bills to the employee, on the page Export options).</source>
        <translation>• De rekening voor voorgeschoten uitgaven: voeg nog een bankrekening in {currency} toe, bijvoorbeeld met de naam &quot;Pleo out-of-pocket&quot; (of boek voorgeschoten uitgaven als facturen aan de medewerker, op de pagina Exportopties).</translation>
    </message>
    <message>
        <source>• The account for expenses without a category: add an expense account, for example named &quot;Pleo expenses without category&quot;.</source>
        <translation>• De rekening voor uitgaven zonder categorie: voeg een kostenrekening toe, bijvoorbeeld met de naam &quot;Pleo expenses without category&quot;.</translation>
    </message>
    <message>
        <source>Then press Read the chart again and choose them below. An existing bank account in {currency} can be chosen as well.</source>
        <translation>Klik daarna op Rekeningschema opnieuw lezen en kies ze hieronder. U kunt ook een bestaande bankrekening in {currency} kiezen.</translation>
    </message>
    <message>
        <source>Xero lets only approved banking partners send bank feeds, so pleodesk writes the statement lines to files (OFX and CSV) in {folder}. In Xero, open the Pleo bank account ({account}), choose Import a statement and pick the newest file; lines imported before are skipped.</source>
        <translation>Xero laat alleen goedgekeurde bankpartners bankfeeds versturen, daarom schrijft pleodesk de afschriftregels naar bestanden (OFX en CSV) in {folder}. Open in Xero de Pleo-bankrekening ({account}), kies Import a statement en kies het nieuwste bestand; eerder geïmporteerde regels worden overgeslagen.</translation>
    </message>
    <message>
        <source>In Xero, open Settings &gt; Connected apps and disconnect pleodesk from this organisation.</source>
        <translation>Open in Xero Settings &gt; Connected apps en koppel pleodesk los van deze organisatie.</translation>
    </message>
</context>
</TS>
