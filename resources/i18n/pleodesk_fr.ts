<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Bank account and journals</source>
        <translation>Compte bancaire et journaux</translation>
    </message>
    <message>
        <source>Accounts to create by hand</source>
        <translation>Comptes à créer vous-même</translation>
    </message>
    <message>
        <source>Read the &amp;chart again</source>
        <translation>Relire le &amp;plan comptable</translation>
    </message>
    <message>
        <source>Read the chart of accounts again</source>
        <translation>Relire le plan comptable</translation>
    </message>
    <message>
        <source>Journals</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Each expense is booked against one of these: card expenses against the Pleo wallet, expenses employees paid themselves against what the company owes them.</source>
        <translation>Chaque dépense est passée en contrepartie de l&apos;un de ces comptes : les paiements par carte sur le wallet Pleo, les dépenses avancées par les salariés sur ce que l&apos;entreprise leur doit.</translation>
    </message>
    <message>
        <source>Reading the chart of accounts…</source>
        <translation>Lecture du plan comptable…</translation>
    </message>
    <message>
        <source>&amp;Read the journals again</source>
        <translation>&amp;Relire les journaux</translation>
    </message>
    <message>
        <source>The journals could not be read: {error}</source>
        <translation>Les journaux n’ont pas pu être lus : {error}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in the ledger.</source>
        <translation>
            <numerusform>%n compte dans la comptabilité.</numerusform>
            <numerusform>%n comptes dans la comptabilité.</numerusform>
        </translation>
    </message>
    <message>
        <source>The chart of accounts could not be read: {error}</source>
        <translation>Le plan comptable n&apos;a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>Created {code} {name}.</source>
        <translation>{code} {name} créé.</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Each Pleo category goes to a ledger account, with a tax code when Pleo sends none. Expenses in a category that is not mapped wait until it is; nothing is lost.</source>
        <translation>Chaque catégorie Pleo va vers un compte comptable, avec un code TVA quand Pleo n&apos;en envoie pas. Les dépenses d&apos;une catégorie non associée attendent qu&apos;elle le soit ; rien n&apos;est perdu.</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Catégories</translation>
    </message>
    <message>
        <source>&amp;VAT codes</source>
        <translation>Codes &amp;TVA</translation>
    </message>
    <message>
        <source>Create a 0 % purchase &amp;tax in the ledger</source>
        <translation>Créer une taxe d&apos;achat à 0 % dans la compta&amp;bilité</translation>
    </message>
    <message>
        <source>For Pleo&apos;s 0 % VAT codes: the ledger has no purchase tax of 0 %. pleodesk creates one and maps them to it.</source>
        <translation>Pour les codes TVA à 0 % de Pleo : la comptabilité n&apos;a pas de taxe d&apos;achat à 0 %. pleodesk en crée une et les y associe.</translation>
    </message>
    <message>
        <source>Creating the 0 % purchase tax in the ledger…</source>
        <translation>Création de la taxe d&apos;achat à 0 % dans la comptabilité…</translation>
    </message>
    <message>
        <source>Created the tax {code} in the ledger; Pleo&apos;s {keys} now go to it.</source>
        <translation>La taxe {code} a été créée dans la comptabilité ; les codes {keys} de Pleo y sont désormais associés.</translation>
    </message>
    <message>
        <source>Reading Pleo&apos;s categories and the ledger&apos;s accounts…</source>
        <translation>Lecture des catégories Pleo et des comptes comptables…</translation>
    </message>
    <message>
        <source>Pleo category</source>
        <translation>Catégorie Pleo</translation>
    </message>
    <message>
        <source>Name shown to employees</source>
        <translation>Nom affiché aux salariés</translation>
    </message>
    <message>
        <source>Could not read the categories: {error}</source>
        <translation>Les catégories n&apos;ont pas pu être lues : {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} categories not mapped yet; their expenses will be held until they are.</source>
        <translation>
            <numerusform>%n catégorie sur {total} pas encore associée ; ses dépenses sont retenues en attendant.</numerusform>
            <numerusform>%n catégories sur {total} pas encore associées ; leurs dépenses sont retenues en attendant.</numerusform>
        </translation>
    </message>
    <message>
        <source>All {total} categories are mapped.</source>
        <translation>Les {total} catégories sont toutes associées.</translation>
    </message>
</context>
<context>
    <name>CategoryTable</name>
    <message>
        <source>Search categories or accounts</source>
        <translation>Rechercher une catégorie ou un compte</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>Rechercher des catégories</translation>
    </message>
    <message>
        <source>Only &amp;unmapped</source>
        <translation>Non associées &amp;uniquement</translation>
    </message>
    <message>
        <source>&amp;Match automatically</source>
        <translation>Associer &amp;automatiquement</translation>
    </message>
    <message>
        <source>Map every unmapped category to the ledger account with the same code or name, among the accounts of a type that can take it.</source>
        <translation>Associe chaque catégorie non associée au compte comptable de même code ou de même nom, parmi les comptes d&apos;un type qui peut la recevoir.</translation>
    </message>
    <message>
        <source>Mapped and unmapped categories</source>
        <translation>Catégories associées et non associées</translation>
    </message>
    <message>
        <source>Pleo category</source>
        <translation>Catégorie Pleo</translation>
    </message>
    <message>
        <source>Name shown to employees</source>
        <translation>Nom affiché aux salariés</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Compte comptable</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Code TVA</translation>
    </message>
    <message>
        <source>Categories and their ledger accounts</source>
        <translation>Catégories et leurs comptes comptables</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— non associé —</translation>
    </message>
    <message>
        <source>— as Pleo sends it —</source>
        <translation>— tel que Pleo l’envoie —</translation>
    </message>
    <message>
        <source>Matched automatically: check the account.</source>
        <translation>Associée automatiquement&#xa0;: vérifiez le compte.</translation>
    </message>
    <message>
        <source>Ledger account for {category}</source>
        <translation>Compte comptable pour {category}</translation>
    </message>
    <message>
        <source>Tax code for {category}</source>
        <translation>Code TVA pour {category}</translation>
    </message>
    <message numerus="yes">
        <source>%n mapping(s) added automatically</source>
        <translation>
            <numerusform>%n correspondance ajoutée automatiquement</numerusform>
            <numerusform>%n correspondances ajoutées automatiquement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched automatically (highlighted): check them</source>
        <translation>
            <numerusform>%n associée automatiquement (en surbrillance)&#xa0;: vérifiez-la</numerusform>
            <numerusform>%n associées automatiquement (en surbrillance)&#xa0;: vérifiez-les</numerusform>
        </translation>
    </message>
    <message>
        <source>{mapped} mapped · {unmapped} unmapped</source>
        <translation>{mapped} associée(s) · {unmapped} non associée(s)</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect the journal file</source>
        <translation>Connecter le fichier de journal</translation>
    </message>
    <message>
        <source>pleodesk writes each expense as a balanced entry to journal.csv in a folder you choose, with its receipts in a receipts folder beside it. Your bookkeeping software imports the file.</source>
        <translation>pleodesk écrit chaque dépense sous forme d’écriture équilibrée dans journal.csv, dans le dossier de votre choix, avec les justificatifs dans un dossier receipts à côté. Votre logiciel comptable importe le fichier.</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Dossier du journal</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the journal folder</source>
        <translation>Choisir le dossier du journal</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>Which accounts may entries use?</source>
        <translation>Quels comptes les écritures peuvent-elles utiliser ?</translation>
    </message>
    <message>
        <source>The accounts, VAT codes and tag groups &amp;Pleo already has (recommended)</source>
        <translation>Les comptes, codes TVA et groupes d’étiquettes que &amp;Pleo connaît déjà (recommandé)</translation>
    </message>
    <message>
        <source>A chart of accounts &amp;exported from my ledger (CSV: code;name;type)</source>
        <translation>Un plan comptable &amp;exporté de ma comptabilité (CSV : code;nom;type)</translation>
    </message>
    <message>
        <source>Chart of accounts file</source>
        <translation>Fichier du plan comptable</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Choisir le &amp;fichier…</translation>
    </message>
    <message>
        <source>Missing accounts (such as the Pleo bank account) can be created on the next page.</source>
        <translation>Les comptes manquants (comme le compte bancaire Pleo) peuvent être créés à la page suivante.</translation>
    </message>
    <message>
        <source>Folder for the journal</source>
        <translation>Dossier du journal</translation>
    </message>
    <message>
        <source>FEC file for a French ledger</source>
        <translation>Fichier FEC pour une comptabilité française</translation>
    </message>
    <message>
        <source>Each export writes an FEC (fichier des écritures comptables, LPF art. A47 A-1) in a folder of its own, with the receipts beside it; your ledger imports it.</source>
        <translation>Chaque export écrit un FEC (fichier des écritures comptables, LPF art. A47 A-1) dans un dossier à lui, avec les justificatifs à côté ; votre logiciel comptable l&apos;importe.</translation>
    </message>
    <message>
        <source>FEC folder</source>
        <translation>Dossier des FEC</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>&amp;SIREN:</source>
        <translation>&amp;SIREN :</translation>
    </message>
    <message>
        <source>Ledger that imports the file</source>
        <translation>Logiciel comptable qui importe le fichier</translation>
    </message>
    <message>
        <source>&amp;Ledger:</source>
        <translation>&amp;Logiciel comptable :</translation>
    </message>
    <message>
        <source>Journal code</source>
        <translation>Code journal</translation>
    </message>
    <message>
        <source>&amp;Journal code:</source>
        <translation>Code &amp;journal :</translation>
    </message>
    <message>
        <source>Last day of the fiscal year (MM-DD)</source>
        <translation>Dernier jour de l&apos;exercice (MM-JJ)</translation>
    </message>
    <message>
        <source>Fiscal year &amp;ends (MM-DD):</source>
        <translation>Fin de l&apos;&amp;exercice (MM-JJ) :</translation>
    </message>
    <message>
        <source>How should expenses be booked?</source>
        <translation>Comment comptabiliser les dépenses ?</translation>
    </message>
    <message>
        <source>Accounts and VAT codes from &amp;Pleo (its categories carry the accounts)</source>
        <translation>Comptes et codes TVA de &amp;Pleo (ses catégories portent les comptes)</translation>
    </message>
    <message>
        <source>A chart of accounts &amp;exported from the ledger (CSV: numéro;libellé;type)</source>
        <translation>Un plan comptable &amp;exporté du logiciel comptable (CSV : numéro;libellé;type)</translation>
    </message>
    <message>
        <source>Choose f&amp;ile…</source>
        <translation>Choisir un f&amp;ichier…</translation>
    </message>
    <message>
        <source>Folder for the FEC files</source>
        <translation>Dossier des fichiers FEC</translation>
    </message>
    <message>
        <source>Chart of accounts</source>
        <translation>Plan comptable</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>How {ledger} imports the files:</source>
        <translation>Comment {ledger} importe les fichiers :</translation>
    </message>
    <message>
        <source>The folder will be created.</source>
        <translation>Le dossier sera créé.</translation>
    </message>
    <message>
        <source>pleodesk can write here.</source>
        <translation>pleodesk peut écrire ici.</translation>
    </message>
    <message>
        <source>Checking the folder and reading the chart of accounts…</source>
        <translation>Vérification du dossier et lecture du plan comptable…</translation>
    </message>
    <message>
        <source>Ready: {accounts} accounts, {taxes} VAT codes, {dims} dimensions.</source>
        <translation>Prêt : {accounts} comptes, {taxes} codes TVA, {dims} axes analytiques.</translation>
    </message>
    <message>
        <source>Connect Odoo</source>
        <translation>Connecter Odoo</translation>
    </message>
    <message>
        <source>pleodesk books each expense in Odoo through its API, with an API key of a user who is an Accountant or Adviser and has the Settings right.</source>
        <translation>pleodesk passe chaque dépense dans Odoo via son API, avec la clé API d’un utilisateur Comptable ou Conseiller qui a le droit Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>Odoo address</source>
        <translation>Adresse Odoo</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>Odoo database</source>
        <translation>Base de données Odoo</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>Odoo login</source>
        <translation>Identifiant Odoo</translation>
    </message>
    <message numerus="yes">
        <source>This user may book in %n company(-ies): choose the one for this connection, then press Next.</source>
        <translation>
            <numerusform>Cet utilisateur peut comptabiliser dans %n société&#xa0;: choisissez-la pour cette connexion, puis cliquez sur Suivant.</numerusform>
            <numerusform>Cet utilisateur peut comptabiliser dans %n sociétés&#xa0;: choisissez celle de cette connexion, puis cliquez sur Suivant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect Lexware Office</source>
        <translation>Connecter Lexware Office</translation>
    </message>
    <message>
        <source>pleodesk books every Pleo expense as a voucher (Beleg) in Lexware Office, with its receipts, through Lexware&apos;s public API.</source>
        <translation>pleodesk comptabilise chaque dépense Pleo comme pièce (Beleg) dans Lexware Office, avec ses justificatifs, via l&apos;API publique de Lexware.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before you start:&lt;/b&gt; Lexware Office does not take reimbursements (Privatauslagen). Out-of-pocket expenses, mileage, per diems and reimbursement payouts are not exported: pleodesk skips them, shows why, and tells Pleo they cannot be exported. Wallet top-ups and unloads are not exported either; add them by hand in Lexware Office.</source>
        <translation>&lt;b&gt;Avant de commencer :&lt;/b&gt; Lexware Office ne prend pas les remboursements (Privatauslagen). Les dépenses avancées, les indemnités kilométriques, les per diem et les versements de remboursement ne sont pas exportés : pleodesk les ignore, dit pourquoi et signale à Pleo qu&apos;ils ne peuvent pas être exportés. Les rechargements et retraits du portefeuille ne sont pas exportés non plus ; saisissez-les vous-même dans Lexware Office.</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Avant de commencer</translation>
    </message>
    <message>
        <source>&amp;Connect with Lexware Office (Zugriff erlauben)…</source>
        <translation>&amp;Connecter avec Lexware Office (Zugriff erlauben)…</translation>
    </message>
    <message>
        <source>Opens Lexware Office in your browser: sign in and allow pleodesk access. pleodesk then creates the Pleo bank account and sends its card lines.</source>
        <translation>Ouvre Lexware Office dans votre navigateur : connectez-vous et autorisez l&apos;accès de pleodesk. pleodesk crée alors le compte bancaire Pleo et y envoie les lignes de carte.</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Arrêter d&apos;attendre</translation>
    </message>
    <message>
        <source>Or connect with an API key:</source>
        <translation>Ou connectez-vous avec une clé API :</translation>
    </message>
    <message>
        <source>Lexware Office API key</source>
        <translation>Clé API de Lexware Office</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <source>Check the API key with Lexware Office</source>
        <translation>Vérifier la clé API auprès de Lexware Office</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Lexware Office</source>
        <translation>Utiliser le Lexware Office de l&apos;entreprise de dé&amp;mo</translation>
    </message>
    <message>
        <source>Book into a Lexware Office emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Comptabiliser dans un Lexware Office émulé sur cet ordinateur, pour essayer pleodesk avec l&apos;entreprise de démo.</translation>
    </message>
    <message>
        <source>The key: in Lexware Office open Add-ons &gt; Public API (app.lexware.de/addons/public-api), create a key that may use vouchers, contacts, files, posting categories and the profile, and paste it here. A key is valid for 24 months; the company&apos;s plan must include the Public API.</source>
        <translation>La clé : dans Lexware Office, ouvrez Add-ons &gt; Public API (app.lexware.de/addons/public-api), créez une clé qui peut utiliser les pièces, les contacts, les fichiers, les catégories de comptabilisation et le profil, et collez-la ici. Une clé est valable 24 mois ; l&apos;abonnement de l&apos;entreprise doit inclure la Public API.</translation>
    </message>
    <message>
        <source>Waiting for Lexware Office in your browser… Sign in and press Zugriff erlauben.</source>
        <translation>En attente de Lexware Office dans votre navigateur… Connectez-vous et cliquez sur Zugriff erlauben.</translation>
    </message>
    <message>
        <source>Not connected: the sign-in was stopped.</source>
        <translation>Non connecté : la connexion a été arrêtée.</translation>
    </message>
    <message>
        <source>Checking the key with Lexware Office…</source>
        <translation>Vérification de la clé auprès de Lexware Office…</translation>
    </message>
    <message>
        <source>Odoo API key</source>
        <translation>Clé API Odoo</translation>
    </message>
    <message>
        <source>Odoo company</source>
        <translation>Société Odoo</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Société :</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check the connection to Odoo</source>
        <translation>Vérifier la connexion à Odoo</translation>
    </message>
    <message>
        <source>Check the address, database, login and key, and report Odoo&apos;s version, the user&apos;s rights and missing apps, and the companies.</source>
        <translation>Vérifie l&apos;adresse, la base de données, l&apos;identifiant et la clé, et indique la version d&apos;Odoo, les droits de l&apos;utilisateur, les applications manquantes et les sociétés.</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Odoo</source>
        <translation>Utiliser l’Odoo de la société de dé&amp;monstration</translation>
    </message>
    <message>
        <source>Book into an Odoo emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Comptabiliser dans un Odoo émulé sur cet ordinateur, pour essayer pleodesk avec la société de démonstration.</translation>
    </message>
    <message>
        <source>Address: copy it from the browser, up to .com (or your own domain). Database: in Odoo, user menu &gt; My Databases; or, in developer mode, under the user icon; or right-click a page, Inspect, search for db and copy the word in quotes after it. API key: your profile &gt; Account Security &gt; New API Key. The Employees app must be installed.</source>
        <translation>Adresse : copiez-la depuis le navigateur, jusqu&apos;à .com (ou votre propre domaine). Base de données : dans Odoo, menu utilisateur &gt; Mes bases de données ; ou, en mode développeur, sous l&apos;icône de l&apos;utilisateur ; ou clic droit sur une page, Inspecter, cherchez db et copiez le mot entre guillemets qui suit. Clé API : votre profil &gt; Sécurité du compte &gt; Nouvelle clé API. L&apos;application Employés doit être installée.</translation>
    </message>
    <message>
        <source>(stored; type a new key to replace it)</source>
        <translation>(enregistrée ; saisissez une nouvelle clé pour la remplacer)</translation>
    </message>
    <message>
        <source>{version} accepted the login {login} and its API key. The user has the rights pleodesk needs (Accountant or Adviser, and Settings); the Invoicing and Employees apps are installed.</source>
        <translation>{version} a accepté l&apos;identifiant {login} et sa clé d&apos;API. L&apos;utilisateur a les droits dont pleodesk a besoin (Accountant ou Adviser, et Settings) ; les applications Facturation et Employés sont installées.</translation>
    </message>
    <message>
        <source>Company {company} (of {n} this user may book in): {accounts} accounts, {taxes} purchase taxes, {plans} analytic plans.</source>
        <translation>Société {company} (parmi les {n} où cet utilisateur peut comptabiliser) : {accounts} comptes, {taxes} taxes d&apos;achat, {plans} plans analytiques.</translation>
    </message>
    <message>
        <source>Checking Odoo…</source>
        <translation>Vérification d’Odoo…</translation>
    </message>
    <message>
        <source>Connected to {version}, company {company}: {accounts} accounts, {taxes} purchase taxes, {plans} analytic plans.</source>
        <translation>Connecté à {version}, société {company} : {accounts} comptes, {taxes} taxes d’achat, {plans} plans analytiques.</translation>
    </message>
    <message>
        <source>Connect Xero</source>
        <translation>Connecter Xero</translation>
    </message>
    <message>
        <source>pleodesk signs in to Xero in your browser; Xero asks which organisation pleodesk may book into. Nothing is stored but a sign-in token, in this computer&apos;s keyring.</source>
        <translation>pleodesk se connecte à Xero dans votre navigateur ; Xero demande dans quelle organisation pleodesk peut comptabiliser. Seul un jeton de connexion est conservé, dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>the client id of your Xero app</source>
        <translation>l’identifiant client de votre application Xero</translation>
    </message>
    <message>
        <source>Xero app &amp;client id:</source>
        <translation>Identifiant &amp;client de l’application Xero :</translation>
    </message>
    <message>
        <source>Connect QuickBooks Online</source>
        <translation>Connecter QuickBooks Online</translation>
    </message>
    <message>
        <source>Sign in to Intuit in your browser, allow pleodesk and choose the company. pleodesk then finds or creates the Pleo bank account, as Pleo&apos;s help article describes.</source>
        <translation>Connectez-vous à Intuit dans votre navigateur, autorisez pleodesk et choisissez l&apos;entreprise. pleodesk trouve ou crée ensuite le compte bancaire Pleo, comme l&apos;explique l&apos;article d&apos;aide de Pleo.</translation>
    </message>
    <message>
        <source>1. Connect QuickBooks and pleodesk</source>
        <translation>1. Connecter QuickBooks et pleodesk</translation>
    </message>
    <message>
        <source>&amp;Connect to QuickBooks…</source>
        <translation>&amp;Connecter à QuickBooks…</translation>
    </message>
    <message>
        <source>Sign in to QuickBooks in the browser</source>
        <translation>Se connecter à QuickBooks dans le navigateur</translation>
    </message>
    <message>
        <source>Stop &amp;waiting</source>
        <translation>Arrêter d&apos;a&amp;ttendre</translation>
    </message>
    <message>
        <source>Stop waiting for the QuickBooks sign-in</source>
        <translation>Arrêter d&apos;attendre la connexion à QuickBooks</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s QuickBooks</source>
        <translation>Utiliser le QuickBooks de l&apos;entreprise de dé&amp;mo</translation>
    </message>
    <message>
        <source>Sign in to a QuickBooks company emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Se connecter à une entreprise QuickBooks émulée sur cet ordinateur, pour essayer pleodesk avec l&apos;entreprise de démo.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>Pas encore connecté.</translation>
    </message>
    <message>
        <source>QuickBooks company</source>
        <translation>Entreprise QuickBooks</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Entreprise&#xa0;:</translation>
    </message>
    <message>
        <source>The answer the QuickBooks page shows</source>
        <translation>La réponse affichée par la page QuickBooks</translation>
    </message>
    <message>
        <source>&amp;Use it</source>
        <translation>&amp;Utiliser</translation>
    </message>
    <message>
        <source>P&amp;aste the answer:</source>
        <translation>Coller la rép&amp;onse&#xa0;:</translation>
    </message>
    <message>
        <source>Advanced: your own Intuit app</source>
        <translation>Avancé&#xa0;: votre propre application Intuit</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>&amp;ID client&#xa0;:</translation>
    </message>
    <message>
        <source>Intuit app client id</source>
        <translation>ID client de l&apos;application Intuit</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secret client&#xa0;:</translation>
    </message>
    <message>
        <source>Intuit app client secret</source>
        <translation>Secret client de l&apos;application Intuit</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>URI de &amp;redirection&#xa0;:</translation>
    </message>
    <message>
        <source>Intuit app redirect URI</source>
        <translation>URI de redirection de l&apos;application Intuit</translation>
    </message>
    <message>
        <source>2. The Pleo bank account (used for Pleo expenses only)</source>
        <translation>2. Le compte bancaire Pleo (pour les dépenses Pleo uniquement)</translation>
    </message>
    <message>
        <source>The company uses Pleo &amp;Pocket: a bank account for Pocket expenses too</source>
        <translation>L&apos;entreprise utilise Pleo &amp;Pocket&#xa0;: un compte bancaire pour les dépenses Pocket aussi</translation>
    </message>
    <message>
        <source>The Pleo Pocket bank account</source>
        <translation>Le compte bancaire Pleo Pocket</translation>
    </message>
    <message>
        <source>pleodesk finds these accounts in QuickBooks&apos; chart of accounts by name, or creates them as bank accounts (in France with the journal code chosen here).</source>
        <translation>pleodesk trouve ces comptes par leur nom dans le plan comptable de QuickBooks, ou les crée comme comptes bancaires (en France avec le code journal choisi ici).</translation>
    </message>
    <message>
        <source>Connected to {name}. Connect again only to renew the connection.</source>
        <translation>Connecté à {name}. Ne vous reconnectez que pour renouveler la connexion.</translation>
    </message>
    <message>
        <source>Waiting for QuickBooks in your browser… Sign in there, allow pleodesk and choose the company. If the browser shows a line to copy, paste it below.</source>
        <translation>En attente de QuickBooks dans votre navigateur… Connectez-vous, autorisez pleodesk et choisissez l&apos;entreprise. Si le navigateur affiche une ligne à copier, collez-la ci-dessous.</translation>
    </message>
    <message>
        <source>You signed in to {name}, but this connection books into {other}. Connect again and choose that company.</source>
        <translation>Vous vous êtes connecté à {name}, mais cette connexion comptabilise dans {other}. Reconnectez-vous et choisissez cette entreprise.</translation>
    </message>
    <message>
        <source>Signed in to {name}. Check the Pleo bank account below, then press Next.</source>
        <translation>Connecté à {name}. Vérifiez le compte bancaire Pleo ci-dessous, puis cliquez sur Suivant.</translation>
    </message>
    <message>
        <source>Stopped waiting for QuickBooks. Press Connect to QuickBooks to try again.</source>
        <translation>Attente de QuickBooks arrêtée. Cliquez sur Connecter à QuickBooks pour réessayer.</translation>
    </message>
    <message>
        <source>That is not the answer of this sign-in: copy the whole line the QuickBooks page shows.</source>
        <translation>Ce n&apos;est pas la réponse de cette connexion&#xa0;: copiez toute la ligne affichée par la page QuickBooks.</translation>
    </message>
    <message>
        <source>Setting up the Pleo bank account in QuickBooks…</source>
        <translation>Configuration du compte bancaire Pleo dans QuickBooks…</translation>
    </message>
    <message>
        <source>Connected to {name}: {accounts} accounts, {taxes} VAT codes for purchases; Pleo bank account {bank}.</source>
        <translation>Connecté à {name}&#xa0;: {accounts} comptes, {taxes} codes de TVA pour les achats&#xa0;; compte bancaire Pleo {bank}.</translation>
    </message>
    <message>
        <source>Stop waiting for the Xero sign-in</source>
        <translation>Arrêter d&apos;attendre la connexion à Xero</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Xero</source>
        <translation>Utiliser le Xero de la société de dé&amp;monstration</translation>
    </message>
    <message>
        <source>Sign in to a Xero organisation emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Se connecter à une organisation Xero émulée sur cet ordinateur, pour essayer pleodesk avec la société de démonstration.</translation>
    </message>
    <message>
        <source>Xero organisation</source>
        <translation>Organisation Xero</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation :</translation>
    </message>
    <message>
        <source>&amp;Connect to Xero…</source>
        <translation>&amp;Se connecter à Xero…</translation>
    </message>
    <message>
        <source>Connect to Xero: sign in in the browser and allow pleodesk</source>
        <translation>Se connecter à Xero&#xa0;: connectez-vous dans le navigateur et autorisez pleodesk</translation>
    </message>
    <message>
        <source>Opens Xero in your browser: sign in, choose the organisation and allow pleodesk.</source>
        <translation>Ouvre Xero dans votre navigateur&#xa0;: connectez-vous, choisissez l&apos;organisation et autorisez pleodesk.</translation>
    </message>
    <message>
        <source>&amp;Advanced: your own Xero app</source>
        <translation>&amp;Avancé&#xa0;: votre propre application Xero</translation>
    </message>
    <message>
        <source>Client id of your own Xero app</source>
        <translation>Identifiant client de votre propre application Xero</translation>
    </message>
    <message>
        <source>Only needed for a Xero app of your own: at developer.xero.com &gt; My Apps, create an app of type &quot;Auth code with PKCE&quot; (mobile or desktop app) and register the redirect URIs http://localhost:53682/callback, http://localhost:53683/callback and http://localhost:53684/callback.</source>
        <translation>Seulement pour votre propre application Xero&#xa0;: sur developer.xero.com &gt; My Apps, créez une application de type « Auth code with PKCE » (application mobile ou de bureau) et enregistrez les URI de redirection http://localhost:53682/callback, http://localhost:53683/callback et http://localhost:53684/callback.</translation>
    </message>
    <message>
        <source>Connected to {name}. Sign in again only to renew the connection.</source>
        <translation>Connecté à {name}. Reconnectez-vous seulement pour renouveler la connexion.</translation>
    </message>
    <message>
        <source>This copy of pleodesk has no Xero app built in: enter the client id of your own Xero app under Advanced, then press Connect to Xero.</source>
        <translation>Cette copie de pleodesk n&apos;a pas d&apos;application Xero intégrée&#xa0;: saisissez l&apos;identifiant client de votre propre application Xero sous Avancé, puis cliquez sur Se connecter à Xero.</translation>
    </message>
    <message>
        <source>Waiting for Xero in your browser… Sign in there and choose the organisation, or press Stop waiting.</source>
        <translation>En attente de Xero dans votre navigateur… Connectez-vous-y et choisissez l&apos;organisation, ou appuyez sur Arrêter d&apos;attendre.</translation>
    </message>
    <message>
        <source>no organisation</source>
        <translation>aucune organisation</translation>
    </message>
    <message>
        <source>You signed in to {names}, but this connection books into {name}. Sign in again and choose that organisation.</source>
        <translation>Vous êtes connecté à {names}, mais cette connexion comptabilise dans {name}. Reconnectez-vous et choisissez cette organisation.</translation>
    </message>
    <message>
        <source>Choose the organisation this connection books into.</source>
        <translation>Choisissez l’organisation dans laquelle cette connexion comptabilise.</translation>
    </message>
    <message>
        <source>Signed in to {name}.</source>
        <translation>Connecté à {name}.</translation>
    </message>
    <message>
        <source>Stopped waiting for Xero. Press Connect to Xero to try again.</source>
        <translation>Attente de Xero arrêtée. Cliquez sur Se connecter à Xero pour réessayer.</translation>
    </message>
    <message>
        <source>Setting up the Pleo accounts in Xero…</source>
        <translation>Configuration des comptes Pleo dans Xero…</translation>
    </message>
    <message>
        <source>Connected to {name}. Choose the accounts on the next page.</source>
        <translation>Connecté à {name}. Choisissez les comptes sur la page suivante.</translation>
    </message>
    <message>
        <source>Connected to {name}: {accounts} accounts, {taxes} tax rates for expenses, {dims} tracking categories; Pleo bank account {bank}.</source>
        <translation>Connecté à {name} : {accounts} comptes, {taxes} taux de TVA pour les dépenses, {dims} catégories de suivi ; compte bancaire Pleo {bank}.</translation>
    </message>
    <message>
        <source>Connect Pennylane</source>
        <translation>Connecter Pennylane</translation>
    </message>
    <message>
        <source>pleodesk books into Pennylane with your company&apos;s own API token: it needs no partner agreement.</source>
        <translation>pleodesk comptabilise dans Pennylane avec le jeton d&apos;API de votre propre entreprise : aucun accord de partenariat n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>Pennylane API token</source>
        <translation>Jeton d&apos;API Pennylane</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Jeton d&apos;API :</translation>
    </message>
    <message>
        <source>Check the token with Pennylane</source>
        <translation>Vérifier le jeton auprès de Pennylane</translation>
    </message>
    <message>
        <source>Use the de&amp;mo company&apos;s Pennylane</source>
        <translation>Utiliser le Pennylane de l&apos;entreprise de dé&amp;mo</translation>
    </message>
    <message>
        <source>Book into a Pennylane emulated on this computer, to try pleodesk with the demo company.</source>
        <translation>Comptabiliser dans un Pennylane émulé sur cet ordinateur, pour essayer pleodesk avec l&apos;entreprise de démo.</translation>
    </message>
    <message>
        <source>Make the token in Pennylane under Settings &gt; Connectivity &gt; Developers (an administrator, on the Essential plan or higher). Give it these permissions: journals, ledger accounts, ledger entries and file attachments (read and write); for analytics and the check of closed fiscal years also categories and fiscal years (read). Pennylane shows the token once: paste it here.</source>
        <translation>Créez le jeton dans Pennylane sous Paramètres &gt; Connectivité &gt; Développeurs (en administrateur, avec l&apos;offre Essential ou supérieure). Donnez-lui ces droits : journaux, comptes, écritures et pièces jointes (lecture et écriture) ; pour l&apos;analytique et le contrôle des exercices clôturés, aussi catégories et exercices (lecture). Pennylane n&apos;affiche le jeton qu&apos;une fois : collez-le ici.</translation>
    </message>
    <message>
        <source>A summary entry has one line per account, VAT rate and analytic value, balanced against the Pleo bank account, and is made once its day or month has ended; receipts are only attached to entries of one expense.</source>
        <translation>Une écriture récapitulative a une ligne par compte, taux de TVA et valeur analytique, équilibrée sur le compte bancaire Pleo, et n&apos;est passée qu&apos;une fois son jour ou son mois écoulé ; les justificatifs ne sont joints qu&apos;aux écritures d&apos;une seule dépense.</translation>
    </message>
    <message>
        <source>(stored; paste a new token to replace it)</source>
        <translation>(enregistré ; collez un nouveau jeton pour le remplacer)</translation>
    </message>
    <message>
        <source>Pennylane accepted the token of {company} (SIREN {siren}): {accounts} ledger accounts, {groups} analytic category groups.</source>
        <translation>Pennylane a accepté le jeton de {company} (SIREN {siren}) : {accounts} comptes, {groups} groupes de catégories analytiques.</translation>
    </message>
    <message>
        <source>Without the permissions {scopes} pleodesk sets no analytics and leaves the check of closed fiscal years to Pennylane.</source>
        <translation>Sans les droits {scopes}, pleodesk ne renseigne pas l&apos;analytique et laisse à Pennylane le contrôle des exercices clôturés.</translation>
    </message>
    <message>
        <source>Checking the token with Pennylane…</source>
        <translation>Vérification du jeton auprès de Pennylane…</translation>
    </message>
</context>
<context>
    <name>ContraEditor</name>
    <message>
        <source>— choose one —</source>
        <translation>— à choisir —</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— non utilisé —</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Créer…</translation>
    </message>
    <message>
        <source>Create an account for: {role}</source>
        <translation>Créer un compte pour : {role}</translation>
    </message>
    <message>
        <source>— hold them until categorised —</source>
        <translation>— les retenir jusqu’à catégorisation —</translation>
    </message>
    <message>
        <source>Account for expenses without a category</source>
        <translation>Compte pour les dépenses sans catégorie</translation>
    </message>
    <message>
        <source>Expenses &amp;without a category:</source>
        <translation>Dépenses &amp;sans catégorie :</translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>Pleo wallet</source>
        <translation>Wallet Pleo</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses payable</source>
        <translation>Notes de frais à rembourser</translation>
    </message>
    <message>
        <source>Reimbursements contra account</source>
        <translation>Compte de contrepartie des remboursements</translation>
    </message>
    <message>
        <source>Accounts payable</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <source>Uncategorised expenses</source>
        <translation>Dépenses non catégorisées</translation>
    </message>
    <message>
        <source>New {account} for: {role}</source>
        <translation>Nouveau {account} pour : {role}</translation>
    </message>
    <message>
        <source>Account code</source>
        <translation>Numéro de compte</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Numéro :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;om :</translation>
    </message>
</context>
<context>
    <name>DataFolderBox</name>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>Tout conserver</translation>
    </message>
    <message>
        <source>Keep Pleo&apos;s data and receipts of exported expenses for</source>
        <translation>Conserver les données Pleo et les justificatifs des dépenses exportées pendant</translation>
    </message>
    <message>
        <source>&amp;Keep Pleo&apos;s data and receipts of exported expenses for:</source>
        <translation>Conser&amp;ver les données Pleo et les justificatifs des dépenses exportées pendant :</translation>
    </message>
    <message>
        <source>After that, pleodesk removes its own copy of Pleo&apos;s data and the receipts it downloaded for expenses the ledger has confirmed; they stay listed under Expenses. The ledger is the record: keep it as long as the law asks (often 5 to 10 years). Held, failed and waiting expenses are never removed, and a deleted connection&apos;s data goes with it.</source>
        <translation>Passé ce délai, pleodesk supprime sa propre copie des données Pleo et les justificatifs qu’il a téléchargés pour les dépenses confirmées par la comptabilité ; elles restent listées sous Dépenses. La comptabilité fait foi : conservez-la aussi longtemps que la loi l’exige (souvent 5 à 10 ans). Les dépenses retenues, en échec ou en attente ne sont jamais supprimées, et les données d’une connexion supprimée partent avec elle.</translation>
    </message>
    <message>
        <source>Size of the data folder</source>
        <translation>Taille du dossier de données</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Clean &amp;up now</source>
        <translation>&amp;Nettoyer maintenant</translation>
    </message>
    <message>
        <source>Clean-up result</source>
        <translation>Résultat du nettoyage</translation>
    </message>
    <message>
        <source>{folder}: {total} (database {database}, receipts {receipts})</source>
        <translation>{folder} : {total} (base de données {database}, justificatifs {receipts})</translation>
    </message>
    <message>
        <source>Cleaning up…</source>
        <translation>Nettoyage en cours…</translation>
    </message>
    <message>
        <source>Freed {size}.</source>
        <translation>{size} libérés.</translation>
    </message>
    <message>
        <source>The database itself is compacted at a later clean-up, when no export is running.</source>
        <translation>La base de données elle-même sera compactée lors d’un prochain nettoyage, quand aucun export n’est en cours.</translation>
    </message>
    <message>
        <source>Not cleaned up: {error}</source>
        <translation>Non nettoyé : {error}</translation>
    </message>
</context>
<context>
    <name>ExpensesModel</name>
    <message>
        <source>Date</source>
        <extracomment>The filter buttons: a label key -&gt; the record statuses it shows. The sort of ``load_expense_rows``&apos; order: by date, newest first.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Salarié</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Ledger reference</source>
        <translation>Référence comptable</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportée</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenue</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorée</translation>
    </message>
</context>
<context>
    <name>ExpensesTab</name>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Toutes</translation>
    </message>
    <message>
        <source>E&amp;xported</source>
        <translation>&amp;Exportées</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>En &amp;attente</translation>
    </message>
    <message>
        <source>&amp;Held</source>
        <translation>&amp;Retenues</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>É&amp;chec</translation>
    </message>
    <message>
        <source>S&amp;kipped</source>
        <translation>&amp;Ignorées</translation>
    </message>
    <message>
        <source>Search supplier, employee, category, reference</source>
        <translation>Rechercher fournisseur, salarié, catégorie, référence</translation>
    </message>
    <message>
        <source>Search expenses</source>
        <translation>Rechercher des dépenses</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Number of expenses shown</source>
        <translation>Nombre de dépenses affichées</translation>
    </message>
    <message>
        <source>Loading expenses…</source>
        <translation>Chargement des dépenses…</translation>
    </message>
    <message>
        <source>No expenses yet: they appear here once an export has read them from Pleo.</source>
        <translation>Aucune dépense pour l’instant : elles apparaissent ici dès qu’un export les a lues dans Pleo.</translation>
    </message>
    <message>
        <source>{shown} of {total} expenses</source>
        <translation>{shown} dépense(s) sur {total}</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>Export a month</source>
        <extracomment>Entries listed under the result (all of them are in the Expenses tab).</extracomment>
        <translation>Exporter un mois</translation>
    </message>
    <message>
        <source>Month to export</source>
        <translation>Mois à exporter</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Mois :</translation>
    </message>
    <message>
        <source>&amp;Preview again</source>
        <translation>&amp;Actualiser l’aperçu</translation>
    </message>
    <message>
        <source>What will be exported</source>
        <translation>Ce qui sera exporté</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Ledger account</source>
        <translation>Compte comptable</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Code TVA</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Totals per ledger account and tax code</source>
        <translation>Totaux par compte comptable et code TVA</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Progress message</source>
        <translation>Message de progression</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Résultat de l’export</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation>Dans la comptabilité</translation>
    </message>
    <message>
        <source>Entries created in the ledger</source>
        <translation>Écritures créées en comptabilité</translation>
    </message>
    <message>
        <source>E&amp;xport {month}</source>
        <translation>E&amp;xporter {month}</translation>
    </message>
    <message>
        <source>Asking Pleo what {month} holds…</source>
        <translation>Pleo est interrogé sur le contenu de {month}…</translation>
    </message>
    <message numerus="yes">
        <source>Asking Pleo what {month} holds… pleodesk has exported %n expense(s) of it so far.</source>
        <translation>
            <numerusform>Pleo est interrogé sur le contenu de {month}… pleodesk en a exporté %n dépense jusqu’ici.</numerusform>
            <numerusform>Pleo est interrogé sur le contenu de {month}… pleodesk en a exporté %n dépenses jusqu’ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>Pas d’aperçu : {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Reading {month} from Pleo: %n expense(s) waiting for export so far, {total}…</source>
        <translation>
            <numerusform>Lecture de {month} dans Pleo : %n dépense en attente d’export jusqu’ici, {total}…</numerusform>
            <numerusform>Lecture de {month} dans Pleo : %n dépenses en attente d’export jusqu’ici, {total}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing of {month} is waiting for export in Pleo.</source>
        <translation>Rien de {month} n’attend d’être exporté dans Pleo.</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) got a VAT rounding line: the ledger computes VAT itself and came to a cent more or less than Pleo, so that cent is booked on a line of its own. The Expenses tab shows it in each expense&apos;s details.</source>
        <translation>
            <numerusform>%n dépense a reçu une ligne d&apos;arrondi de TVA&#xa0;: la comptabilité calcule la TVA elle-même et trouve un centime de plus ou de moins que Pleo, ce centime est donc comptabilisé sur une ligne à part. L&apos;onglet Dépenses l&apos;indique dans le détail de la dépense.</numerusform>
            <numerusform>%n dépenses ont reçu une ligne d&apos;arrondi de TVA&#xa0;: la comptabilité calcule la TVA elle-même et trouve un centime de plus ou de moins que Pleo, ce centime est donc comptabilisé sur une ligne à part. L&apos;onglet Dépenses l&apos;indique dans le détail de chaque dépense.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in the ledger: {url}</source>
        <translation>Ouvrir dans la comptabilité&#xa0;: {url}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all are in the Expenses tab)</source>
        <translation>
            <numerusform>… et %n de plus (toutes sont dans l&apos;onglet Dépenses)</numerusform>
            <numerusform>… et %n de plus (toutes sont dans l&apos;onglet Dépenses)</numerusform>
        </translation>
    </message>
    <message>
        <source>(not mapped: held)</source>
        <translation>(non associé : retenu)</translation>
    </message>
    <message>
        <source>as Pleo sends it</source>
        <translation>tel que Pleo l’envoie</translation>
    </message>
    <message>
        <source>Will be held until mapped:</source>
        <translation>Sera retenu jusqu’à association :</translation>
    </message>
    <message>
        <source>Waiting for the work already running to finish…</source>
        <translation>En attente de la fin du travail en cours…</translation>
    </message>
    <message>
        <source>Sends every settled expense of the month that is waiting for export in Pleo, by its booking date (the date Pleo shows). Expenses already in the ledger are never sent again.</source>
        <translation>Envoie chaque dépense réglée du mois en attente d’export dans Pleo, selon sa date comptable (la date affichée par Pleo). Les dépenses déjà en comptabilité ne sont jamais renvoyées.</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) waiting for export</source>
        <translation>
            <numerusform>%n dépense en attente d&apos;export</numerusform>
            <numerusform>%n dépenses en attente d&apos;export</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them already in the ledger</source>
        <translation>
            <numerusform>dont %n déjà dans la comptabilité</numerusform>
            <numerusform>dont %n déjà dans la comptabilité</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Spend to be booked: {total} (%n expense(s)).</source>
        <translation>
            <numerusform>Dépenses à comptabiliser&#xa0;: {total} (%n dépense).</numerusform>
            <numerusform>Dépenses à comptabiliser&#xa0;: {total} (%n dépenses).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wallet top-ups and unloads, not in that total: {amount} (%n).</source>
        <translation>
            <numerusform>Rechargements et retraits du portefeuille, hors de ce total&#xa0;: {amount} (%n).</numerusform>
            <numerusform>Rechargements et retraits du portefeuille, hors de ce total&#xa0;: {amount} (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Will be skipped (reported to Pleo as handled, not booked):</source>
        <translation>Seront ignorées (signalées à Pleo comme traitées, non comptabilisées) :</translation>
    </message>
    <message>
        <source>Not exported, the accounting system does not take them (reported to Pleo as not exportable):</source>
        <translation>Non exportées, le logiciel comptable ne les prend pas (signalées à Pleo comme non exportables) :</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>This export is already waiting to run; it starts when the work before it has finished.</source>
        <translation>Cet export attend déjà son tour ; il commencera dès que le travail en cours sera terminé.</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Annulation après l’étape en cours…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
</context>
<context>
    <name>FeedPage</name>
    <message>
        <source>Bank feed</source>
        <translation>Flux bancaire</translation>
    </message>
    <message>
        <source>The bank feed puts every Pleo card payment on the statement of the Pleo bank account in the ledger, twice a day, so the balance matches Pleo&apos;s.</source>
        <translation>Le flux bancaire inscrit deux fois par jour chaque paiement par carte Pleo sur le relevé du compte bancaire Pleo en comptabilité, pour que le solde corresponde à celui de Pleo.</translation>
    </message>
    <message>
        <source>&amp;Send the Pleo bank feed</source>
        <translation>&amp;Envoyer le flux bancaire Pleo</translation>
    </message>
    <message>
        <source>How feed and export meet: the feed adds each payment to the Pleo bank account&apos;s statement, the export books the same payment with its category and VAT against that bank account, and both carry the same reference (PLEO- and the expense id), so you match them in reconciliation and nothing is booked twice.</source>
        <translation>Comment le flux et l’export se rejoignent : le flux ajoute chaque paiement au relevé du compte bancaire Pleo, l’export passe le même paiement avec sa catégorie et sa TVA en contrepartie de ce compte, et tous deux portent la même référence (PLEO- et l’identifiant de la dépense) ; vous les rapprochez sur cette référence et rien n’est comptabilisé deux fois.</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>Sent every day at {utc} UTC ({local} your time).</source>
        <translation>Envoyé chaque jour à {utc} UTC ({local} chez vous).</translation>
    </message>
    <message>
        <source>{system} does not take a bank feed from pleodesk.</source>
        <translation>{system} n’accepte pas de flux bancaire de pleodesk.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Run details</source>
        <translation>Détails de l’exécution</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>Aucune exécution pour l’instant.</translation>
    </message>
    <message>
        <source>Started {start}, ended {end}.</source>
        <translation>Commencé le {start}, terminé le {end}.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Ignorées :</translation>
    </message>
    <message>
        <source>Pleo export job {id}</source>
        <translation>Tâche d&apos;export Pleo {id}</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Pleo tag group</source>
        <translation>Groupe d’étiquettes Pleo</translation>
    </message>
    <message numerus="yes">
        <source>Pleo&apos;s tag groups can go to the ledger as {dimensions}, at most %n. Choose one for each group you want to see in the ledger; each tag then becomes one of its values (missing ones can be created).</source>
        <translation>
            <numerusform>Les groupes d&apos;étiquettes de Pleo peuvent aller dans la comptabilité comme {dimensions}, au plus %n. Choisissez-en un pour chaque groupe à voir dans la comptabilité ; chaque étiquette devient alors l&apos;une de ses valeurs (les valeurs manquantes peuvent être créées).</numerusform>
            <numerusform>Les groupes d&apos;étiquettes de Pleo peuvent aller dans la comptabilité comme {dimensions}, au plus %n. Choisissez-en un pour chaque groupe à voir dans la comptabilité ; chaque étiquette devient alors l&apos;une de ses valeurs (les valeurs manquantes peuvent être créées).</numerusform>
        </translation>
    </message>
    <message>
        <source>This Pleo company has no tag groups; there is nothing to map.</source>
        <translation>Cette société Pleo n’a pas de groupe d’étiquettes ; rien à associer.</translation>
    </message>
    <message>
        <source>The ledger has no {dimensions}; tags will not be exported.</source>
        <translation>La comptabilité n’a pas de {dimensions} ; les étiquettes ne seront pas exportées.</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n value(s) in {dimension}…</source>
        <translation>
            <numerusform>Création de %n valeur dans {dimension}…</numerusform>
            <numerusform>Création de %n valeurs dans {dimension}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n value(s) in {dimension}; the tags are mapped to them.</source>
        <translation>
            <numerusform>%n valeur créée dans {dimension} ; l&apos;étiquette y est associée.</numerusform>
            <numerusform>%n valeurs créées dans {dimension} ; les étiquettes y sont associées.</numerusform>
        </translation>
    </message>
    <message>
        <source>The values were not created: {error}</source>
        <translation>Les valeurs n&apos;ont pas été créées&#xa0;: {error}</translation>
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
        <translation>Avis</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>&amp;Add a connection…</source>
        <translation>&amp;Ajouter une connexion…</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Ajouter une connexion</translation>
    </message>
    <message>
        <source>Connect Pleo to your books</source>
        <translation>Connectez Pleo à votre comptabilité</translation>
    </message>
    <message>
        <source>pleodesk sends your company&apos;s Pleo expenses to your accounting system, with categories, VAT, labels and receipts. Set up a connection for each administration.</source>
        <translation>pleodesk envoie les dépenses Pleo de votre entreprise vers votre logiciel comptable, avec catégories, TVA, étiquettes et justificatifs. Créez une connexion par dossier comptable.</translation>
    </message>
    <message>
        <source>&amp;Set up a connection</source>
        <translation>&amp;Configurer une connexion</translation>
    </message>
    <message>
        <source>&amp;Continue the setup</source>
        <translation>&amp;Reprendre la configuration</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>E&amp;xport a month</source>
        <translation>E&amp;xporter un mois</translation>
    </message>
    <message>
        <source>Ex&amp;penses</source>
        <translation>&amp;Dépenses</translation>
    </message>
    <message>
        <source>P&amp;roblems</source>
        <translation>&amp;Problèmes</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Pa&amp;ramètres</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Check the export &amp;queue now</source>
        <translation>Vérifier la &amp;file d’export maintenant</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Export a month</source>
        <translation>Exporter un mois</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;About pleodesk</source>
        <translation>&amp;À propos de pleodesk</translation>
    </message>
    <message>
        <source>No pleodesk data was found in {folder}: its database was deleted or moved while pleodesk was closed. The setup starts anew. To go on with the earlier connections, quit pleodesk and put the file {file} back in that folder.</source>
        <translation>Aucune donnée de pleodesk n&apos;a été trouvée dans {folder}&#xa0;: sa base de données a été supprimée ou déplacée pendant que pleodesk était fermé. La configuration recommence. Pour reprendre les connexions précédentes, quittez pleodesk et remettez le fichier {file} dans ce dossier.</translation>
    </message>
    <message>
        <source>No connection yet.</source>
        <translation>Aucune connexion pour l’instant.</translation>
    </message>
    <message>
        <source>The setup of {name} is not finished</source>
        <translation>La configuration de {name} n’est pas terminée</translation>
    </message>
    <message>
        <source>Continue where you left off, or discard it. Nothing has been exported for it.</source>
        <translation>Reprenez là où vous vous étiez arrêté, ou abandonnez-la. Rien n’a encore été exporté.</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>démo</translation>
    </message>
    <message>
        <source>This connection is deactivated: nothing is exported for it.</source>
        <translation>Cette connexion est désactivée : rien n’est exporté.</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; Pleo refused the stored API key.</source>
        <translation>&lt;b&gt;Déconnecté.&lt;/b&gt; Pleo a refusé la clé d&apos;API enregistrée.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; {system} refused the stored credentials.</source>
        <translation>&lt;b&gt;Déconnecté.&lt;/b&gt; {system} a refusé les identifiants enregistrés.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disconnected.&lt;/b&gt; pleodesk cannot reach Pleo or the ledger with the stored credentials.</source>
        <translation>&lt;b&gt;Déconnectée.&lt;/b&gt; pleodesk ne peut pas joindre Pleo ou la comptabilité avec les identifiants enregistrés.</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnecter…</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) held or failed: nothing was lost, but not in the ledger yet.</source>
        <translation>
            <numerusform>%n dépense retenue ou en échec&#xa0;: rien n&apos;est perdu, mais elle n&apos;est pas encore dans la comptabilité.</numerusform>
            <numerusform>%n dépenses retenues ou en échec&#xa0;: rien n&apos;est perdu, mais elles ne sont pas encore dans la comptabilité.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name} with its mappings, history, Pleo data and downloaded receipts? The ledger keeps what was exported. This cannot be undone.</source>
        <translation>Supprimer {name} avec ses associations, son historique, ses données Pleo et les justificatifs téléchargés ? La comptabilité garde ce qui a été exporté. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Some expenses need attention.</source>
        <translation>Certaines dépenses demandent votre attention.</translation>
    </message>
    <message>
        <source>Show &amp;problems</source>
        <translation>Voir les &amp;problèmes</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Travail en arrière-plan</translation>
    </message>
    <message>
        <source>{what} could not be planned: {error}. The rest of the background work goes on; the details are in the log.</source>
        <translation>Impossible de planifier « {what} » : {error}. Le reste du travail en arrière-plan continue ; les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>{name}: {what} could not be planned: {error}</source>
        <translation>{name} : impossible de planifier « {what} » : {error}</translation>
    </message>
    <message>
        <source>P&amp;roblems ({n})</source>
        <translation>&amp;Problèmes ({n})</translation>
    </message>
    <message>
        <source>{name}: {what} running…</source>
        <translation>{name} : {what} en cours…</translation>
    </message>
    <message>
        <source>{name}: {what} — {status}{counts}</source>
        <translation>{name} : {what} — {status}{counts}</translation>
    </message>
    <message>
        <source>Discard the setup</source>
        <translation>Abandonner la configuration</translation>
    </message>
    <message>
        <source>Discard the unfinished setup {name}?</source>
        <translation>Abandonner la configuration inachevée {name} ?</translation>
    </message>
    <message>
        <source>{name} was not discarded: {error}</source>
        <translation>{name} n’a pas été abandonnée : {error}</translation>
    </message>
    <message>
        <source>Delete the connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Disconnecting {name} from {system}…</source>
        <translation>Déconnexion de {name} de {system}…</translation>
    </message>
    <message>
        <source>{name} was not deleted: {error}</source>
        <translation>{name} n’a pas été supprimée : {error}</translation>
    </message>
    <message>
        <source>{name} was deleted here, but {system} could not be told.

{problems}</source>
        <translation>{name} a été supprimée ici, mais {system} n&apos;a pas pu en être informé.

{problems}</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d’utilisation</translation>
    </message>
    <message>
        <source>The user guide is in docs/user-guide.md of the pleodesk source.</source>
        <translation>Le guide d’utilisation se trouve dans docs/user-guide.md des sources de pleodesk.</translation>
    </message>
    <message>
        <source>About pleodesk</source>
        <translation>À propos de pleodesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;pleodesk {version}&lt;/b&gt;&lt;br&gt;Keeps your company&apos;s books in step with its Pleo spend account.</source>
        <translation>&lt;b&gt;pleodesk {version}&lt;/b&gt;&lt;br&gt;Maintient la comptabilité de votre entreprise à jour avec son compte de dépenses Pleo.</translation>
    </message>
    <message>
        <source>pleodesk keeps running</source>
        <extracomment>The window&apos;s size where the screen has room (1366×768 laptops have less: the window then fits the screen&apos;s free area, above the taskbar); the size the user gave it is remembered.</extracomment>
        <translation>pleodesk continue de fonctionner</translation>
    </message>
    <message>
        <source>Exports and the bank feed go on in the background. Open pleodesk from its tray icon; quit it there or with File &gt; Quit.</source>
        <translation>Les exports et le flux bancaire continuent en arrière-plan. Ouvrez pleodesk depuis son icône de la zone de notification ; quittez-le là ou avec Fichier &gt; Quitter.</translation>
    </message>
</context>
<context>
    <name>MappingsDialog</name>
    <message>
        <source>Mappings of {name}</source>
        <translation>Associations de {name}</translation>
    </message>
    <message>
        <source>Reading Pleo&apos;s categories and the ledger&apos;s chart…</source>
        <translation>Lecture des catégories Pleo et du plan comptable…</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Comptes</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Catégories</translation>
    </message>
    <message>
        <source>&amp;VAT codes</source>
        <translation>Codes &amp;TVA</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Retry the held expenses after saving</source>
        <translation>Réessayer les dépenses retenues après l’enregistrement</translation>
    </message>
    <message>
        <source>Pleo could not be read ({error}); showing what is stored.</source>
        <translation>Pleo n’a pas pu être lu ({error}) ; affichage de ce qui est enregistré.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Export options</source>
        <translation>Options d’export</translation>
    </message>
    <message>
        <source>How expenses are booked, and how often pleodesk looks for new ones.</source>
        <translation>Comment les dépenses sont comptabilisées et à quelle fréquence pleodesk en cherche de nouvelles.</translation>
    </message>
    <message>
        <source>Book expenses as</source>
        <translation>Comptabiliser les dépenses comme</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Posted (final)</source>
        <translation>&amp;Validées (définitives)</translation>
    </message>
    <message>
        <source>D&amp;rafts, to check and post in the ledger</source>
        <translation>&amp;Brouillons, à vérifier et valider en comptabilité</translation>
    </message>
    <message>
        <source>Create entries as:</source>
        <translation>Créer les écritures comme :</translation>
    </message>
    <message>
        <source>Export &amp;receipts and other attachments</source>
        <translation>Exporter les &amp;justificatifs et autres pièces jointes</translation>
    </message>
    <message>
        <source>&amp;Ignore Pleo wallet top-ups (book them yourself)</source>
        <translation>&amp;Ignorer les rechargements du wallet Pleo (à comptabiliser vous-même)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Export queue interval in minutes</source>
        <translation>Intervalle de la file d’export en minutes</translation>
    </message>
    <message>
        <source>Check the export &amp;queue every:</source>
        <translation>Vérifier la &amp;file d’export toutes les :</translation>
    </message>
    <message>
        <source>Expenses someone queues for export in Pleo are sent this often. 5 minutes is recommended.</source>
        <translation>Les dépenses mises en file d’export dans Pleo sont envoyées à cette fréquence. 5 minutes est recommandé.</translation>
    </message>
    <message>
        <source>Scheduled syncs (optional)</source>
        <translation>Synchronisations planifiées (facultatif)</translation>
    </message>
    <message>
        <source>Card expenses:</source>
        <translation>Dépenses par carte :</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses:</source>
        <translation>Dépenses avancées par les salariés :</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>PleoPage</name>
    <message>
        <source>Connect Pleo</source>
        <translation>Connecter Pleo</translation>
    </message>
    <message>
        <source>pleodesk reads your expenses from Pleo with an API key. In Pleo, open Settings → API keys, create a key, and copy it here with your company id.</source>
        <translation>pleodesk lit vos dépenses dans Pleo avec une clé API. Dans Pleo, ouvrez Paramètres → Clés API, créez une clé et copiez-la ici avec l’identifiant de votre société.</translation>
    </message>
    <message>
        <source>Pleo API key</source>
        <translation>Clé API Pleo</translation>
    </message>
    <message>
        <source>Paste the key from Pleo</source>
        <translation>Collez la clé de Pleo</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>Afficher la clé API</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <source>Pleo company id</source>
        <translation>Identifiant de la société Pleo</translation>
    </message>
    <message>
        <source>&amp;Company id:</source>
        <translation>Identifiant de la &amp;société :</translation>
    </message>
    <message>
        <source>Pleo address</source>
        <translation>Adresse de Pleo</translation>
    </message>
    <message>
        <source>Pleo &amp;address:</source>
        <translation>&amp;Adresse de Pleo :</translation>
    </message>
    <message>
        <source>Leave the address as it is unless Pleo&apos;s support gave you another one.</source>
        <translation>Laissez l’adresse telle quelle, sauf si le support de Pleo vous en a donné une autre.</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check the Pleo connection</source>
        <translation>Vérifier la connexion à Pleo</translation>
    </message>
    <message>
        <source>Use the &amp;demo company</source>
        <translation>Utiliser la société de &amp;démonstration</translation>
    </message>
    <message>
        <source>Try pleodesk on a built-in demo company, on this computer only.</source>
        <translation>Essayez pleodesk sur une société de démonstration intégrée, sur cet ordinateur uniquement.</translation>
    </message>
    <message>
        <source>Connected to {company}</source>
        <translation>Connecté à {company}</translation>
    </message>
    <message>
        <source>Press Check to test the new values.</source>
        <translation>Cliquez sur Vérifier pour tester les nouvelles valeurs.</translation>
    </message>
    <message>
        <source>Enter the API key and the company id first.</source>
        <translation>Saisissez d’abord la clé API et l’identifiant de la société.</translation>
    </message>
    <message>
        <source>The Pleo address must start with https://.</source>
        <translation>L’adresse de Pleo doit commencer par https://.</translation>
    </message>
    <message>
        <source>Checking with Pleo…</source>
        <translation>Vérification auprès de Pleo…</translation>
    </message>
    <message>
        <source>Pleo answered for another company ({name}).</source>
        <translation>Pleo a répondu pour une autre société ({name}).</translation>
    </message>
    <message>
        <source>Pleo did not accept this key for this company. Check both, or create a new key in Pleo (Settings → API keys).</source>
        <translation>Pleo n’accepte pas cette clé pour cette société. Vérifiez les deux, ou créez une nouvelle clé dans Pleo (Paramètres → Clés API).</translation>
    </message>
    <message>
        <source>Pleo answered: {message}</source>
        <translation>Réponse de Pleo : {message}</translation>
    </message>
    <message>
        <source>Pleo could not be reached: {error}</source>
        <translation>Pleo est injoignable : {error}</translation>
    </message>
    <message>
        <source>Starting the demo company…</source>
        <translation>Démarrage de la société de démonstration…</translation>
    </message>
    <message>
        <source>The demo company could not be started: {error}</source>
        <translation>La société de démonstration n’a pas pu démarrer : {error}</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <source>Problems</source>
        <extracomment>Problem kinds -&gt; the mapping editor tab that fixes them.</extracomment>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>&amp;Retry all</source>
        <translation>Tout &amp;réessayer</translation>
    </message>
    <message>
        <source>Put every held and failed expense back in the queue and export them.</source>
        <translation>Remet toutes les dépenses retenues et en échec dans la file et les exporte.</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Problems grouped by cause</source>
        <translation>Problèmes regroupés par cause</translation>
    </message>
    <message>
        <source>Where to find the exports in the ledger</source>
        <translation>Où trouver les exports dans la comptabilité</translation>
    </message>
    <message>
        <source>Looking for problems…</source>
        <translation>Recherche des problèmes…</translation>
    </message>
    <message>
        <source>Problems could not be read: {reason}</source>
        <translation>Les problèmes n’ont pas pu être lus : {reason}</translation>
    </message>
    <message>
        <source>Missing mappings (nothing was sent)</source>
        <translation>Associations manquantes (rien n’a été envoyé)</translation>
    </message>
    <message>
        <source>Refused by the ledger</source>
        <translation>Refusées par la comptabilité</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Ready to send again</source>
        <translation>Prêtes à être renvoyées</translation>
    </message>
    <message>
        <source>Mappings fixed: ready to send again</source>
        <translation>Associations corrigées : prêtes à être renvoyées</translation>
    </message>
    <message>
        <source>Press Retry to export them.</source>
        <translation>Cliquez sur Réessayer pour les exporter.</translation>
    </message>
    <message>
        <source>Some receipts must be attached by hand</source>
        <translation>Certains justificatifs doivent être joints à la main</translation>
    </message>
    <message>
        <source>The ledger took what it accepts (a number per entry, a size per file); attach the others by hand.</source>
        <translation>La comptabilité a pris ce qu’elle accepte (un nombre par écriture, une taille par fichier) ; joignez les autres à la main.</translation>
    </message>
    <message>
        <source>Receipts could not be attached</source>
        <translation>Les justificatifs n’ont pas pu être joints</translation>
    </message>
    <message>
        <source>Attach them by hand in the ledger, or press Retry.</source>
        <translation>Joignez-les à la main en comptabilité, ou cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>Fix: {problem}</source>
        <translation>Corriger : {problem}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry: {problem}</source>
        <translation>Réessayer : {problem}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n de plus</numerusform>
            <numerusform>… et %n de plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) need attention. Fix the cause, then press Retry: nothing that reached the ledger is sent twice.</source>
        <translation>
            <numerusform>%n dépense demande votre attention. Corrigez la cause, puis cliquez sur Réessayer&#xa0;: rien de ce qui a atteint la comptabilité n&apos;est envoyé deux fois.</numerusform>
            <numerusform>%n dépenses demandent votre attention. Corrigez la cause, puis cliquez sur Réessayer&#xa0;: rien de ce qui a atteint la comptabilité n&apos;est envoyé deux fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Problèmes ({n})</translation>
    </message>
    <message>
        <source>No problems: everything that was read from Pleo is exported or waiting.</source>
        <translation>Aucun problème : tout ce qui a été lu dans Pleo est exporté ou en attente.</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Que faire&#xa0;:</translation>
    </message>
    <message>
        <source>Retrying… the result appears in History.</source>
        <translation>Nouvelle tentative… le résultat apparaîtra dans Historique.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <source>Receipt</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Aperçu du justificatif</translation>
    </message>
    <message>
        <source>&amp;Open receipt</source>
        <translation>&amp;Ouvrir le justificatif</translation>
    </message>
    <message>
        <source>Select an expense</source>
        <translation>Sélectionnez une dépense</translation>
    </message>
    <message>
        <source>&lt;b&gt;Booked with:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Comptabilisée avec :&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pleo&apos;s data of this expense and its receipts were removed from this computer (Settings, Data folder); the ledger entry keeps them.</source>
        <translation>Les données Pleo de cette dépense et ses justificatifs ont été supprimés de cet ordinateur (Paramètres, Dossier de données) ; l’écriture comptable les conserve.</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Pas de justificatif</translation>
    </message>
    <message>
        <source>The receipt is fetched when the expense is exported.</source>
        <translation>Le justificatif est récupéré lors de l’export de la dépense.</translation>
    </message>
    <message>
        <source>In the ledger</source>
        <translation>Dans la comptabilité</translation>
    </message>
    <message>
        <source>Receipt not downloaded</source>
        <translation>Justificatif non téléchargé</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>&amp;Ouvrir le PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n more attachment(s)</source>
        <translation>
            <numerusform>%n autre pièce jointe</numerusform>
            <numerusform>%n autres pièces jointes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconnectDialog</name>
    <message>
        <source>Reconnect {name}</source>
        <translation>Reconnecter {name}</translation>
    </message>
    <message>
        <source>In Pleo, open Settings → API keys, create a new key for {company} and paste it here. The connection stays with the same Pleo company; a key for another company is refused.</source>
        <translation>Dans Pleo, ouvrez Paramètres → Clés API, créez une nouvelle clé pour {company} et collez-la ici. La connexion reste liée à la même société Pleo ; une clé d’une autre société est refusée.</translation>
    </message>
    <message>
        <source>What went wrong: {message}</source>
        <translation>Ce qui n’a pas fonctionné : {message}</translation>
    </message>
    <message>
        <source>New Pleo API key</source>
        <translation>Nouvelle clé API Pleo</translation>
    </message>
    <message>
        <source>Leave empty to try the stored key again</source>
        <translation>Laisser vide pour réessayer la clé enregistrée</translation>
    </message>
    <message>
        <source>New API &amp;key:</source>
        <translation>Nouvelle &amp;clé API :</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconnecter</translation>
    </message>
    <message>
        <source>Checking the new credentials with the ledger…</source>
        <translation>Vérification des nouveaux identifiants auprès de la comptabilité…</translation>
    </message>
    <message>
        <source>Checking with Pleo and the ledger…</source>
        <translation>Vérification auprès de Pleo et de la comptabilité…</translation>
    </message>
    <message>
        <source>Connected to {company}</source>
        <translation>Connecté à {company}</translation>
    </message>
</context>
<context>
    <name>ReconnectPanel</name>
    <message>
        <source>Odoo refused the stored API key. Sign in to Odoo as {login}, open your profile &gt; Account Security &gt; New API Key and paste the key here. The connection stays with the database {database} and the company {company}.</source>
        <translation>Odoo a refusé la clé d&apos;API enregistrée. Connectez-vous à Odoo en tant que {login}, ouvrez votre profil &gt; Sécurité du compte &gt; Nouvelle clé API et collez la clé ici. La connexion reste sur la base de données {database} et la société {company}.</translation>
    </message>
    <message>
        <source>New Odoo API key</source>
        <translation>Nouvelle clé d&apos;API Odoo</translation>
    </message>
    <message>
        <source>Lexware Office refused the stored API key (keys expire after 24 months). Create a new key in Lexware Office under Add-ons &gt; Public API for the company {company} and paste it here.</source>
        <translation>Lexware Office a refusé la clé API enregistrée (les clés expirent après 24 mois). Créez une nouvelle clé dans Lexware Office sous Add-ons &gt; Public API pour l&apos;entreprise {company} et collez-la ici.</translation>
    </message>
    <message>
        <source>New Lexware Office API key</source>
        <translation>Nouvelle clé API de Lexware Office</translation>
    </message>
    <message>
        <source>Leave empty to try the stored key again</source>
        <translation>Laissez vide pour réessayer la clé enregistrée</translation>
    </message>
    <message>
        <source>New &amp;Lexware Office API key:</source>
        <translation>Nouvelle clé API de &amp;Lexware Office :</translation>
    </message>
    <message>
        <source>New &amp;Odoo API key:</source>
        <translation>Nouvelle clé d&apos;API &amp;Odoo :</translation>
    </message>
    <message>
        <source>Xero ended pleodesk&apos;s sign-in. Reconnect opens Xero&apos;s sign-in in your browser: sign in and choose {name}. A sign-in to another organisation is refused, and nothing is changed then.</source>
        <translation>Xero a mis fin à la connexion de pleodesk. Reconnecter ouvre la connexion de Xero dans votre navigateur : connectez-vous et choisissez {name}. Une connexion à une autre organisation est refusée, et rien n&apos;est alors modifié.</translation>
    </message>
    <message>
        <source>Sign in to &amp;Xero again</source>
        <translation>Se reconnecter à &amp;Xero</translation>
    </message>
    <message>
        <source>Sign in to Xero again</source>
        <translation>Se reconnecter à Xero</translation>
    </message>
    <message>
        <source>QuickBooks ended pleodesk&apos;s sign-in. Reconnect opens Intuit&apos;s sign-in in your browser: sign in and choose {name}. A sign-in to another company is refused, and nothing is changed then.</source>
        <translation>QuickBooks a mis fin à la connexion de pleodesk. Reconnecter ouvre la connexion Intuit dans votre navigateur&#xa0;: connectez-vous et choisissez {name}. Une connexion à une autre entreprise est refusée, et rien n&apos;est alors modifié.</translation>
    </message>
    <message>
        <source>Sign in to &amp;QuickBooks again</source>
        <translation>Se reconnecter à &amp;QuickBooks</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Arrêter d&apos;attendre</translation>
    </message>
    <message>
        <source>The answer the QuickBooks page shows</source>
        <translation>La réponse affichée par la page QuickBooks</translation>
    </message>
    <message>
        <source>Waiting for QuickBooks in your browser… If the browser shows a line to copy, paste it below and press Enter. Press Stop waiting to give up.</source>
        <translation>En attente de QuickBooks dans votre navigateur… Si le navigateur affiche une ligne à copier, collez-la ci-dessous et appuyez sur Entrée. Cliquez sur Arrêter d&apos;attendre pour abandonner.</translation>
    </message>
    <message>
        <source>Stop waiting for the Xero sign-in</source>
        <translation>Arrêter d&apos;attendre la connexion à Xero</translation>
    </message>
    <message>
        <source>Waiting for Xero in your browser… Press Stop waiting to give up.</source>
        <translation>En attente de Xero dans votre navigateur… Appuyez sur Arrêter d&apos;attendre pour abandonner.</translation>
    </message>
    <message>
        <source>The sign-in was stopped; nothing was changed.</source>
        <translation>La connexion a été arrêtée ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Pennylane refused the stored API token (it may have been revoked or have expired). Make a new token for {company} in Pennylane under Settings &gt; Connectivity &gt; Developers and paste it here.</source>
        <translation>Pennylane a refusé le jeton d&apos;API enregistré (il a pu être révoqué ou avoir expiré). Créez un nouveau jeton pour {company} dans Pennylane sous Paramètres &gt; Connectivité &gt; Développeurs et collez-le ici.</translation>
    </message>
    <message>
        <source>New Pennylane API token</source>
        <translation>Nouveau jeton d&apos;API Pennylane</translation>
    </message>
    <message>
        <source>New &amp;Pennylane token:</source>
        <translation>Nouveau jeton &amp;Pennylane :</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <source>&amp;Sync this administration on a schedule</source>
        <translation>&amp;Synchroniser ce dossier selon un planning</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Synchronisation planifiée</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>How &amp;often:</source>
        <translation>&amp;Fréquence :</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>S&amp;tart date:</source>
        <translation>Date de &amp;début :</translation>
    </message>
    <message>
        <source>Stop on</source>
        <translation>Arrêter le</translation>
    </message>
    <message>
        <source>Has an end date</source>
        <translation>A une date de fin</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>&amp;End date:</source>
        <translation>Date de &amp;fin :</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Delay in days</source>
        <translation>Délai en jours</translation>
    </message>
    <message>
        <source>Wait this many days after a period ends before syncing it, so expenses settled late are included.</source>
        <translation>Attendre ce nombre de jours après la fin d’une période avant de la synchroniser, pour inclure les dépenses réglées tardivement.</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>D&amp;élai :</translation>
    </message>
    <message>
        <source>&amp;Automatic (off: only when you press Sync now)</source>
        <translation>&amp;Automatique (désactivé : seulement quand vous cliquez sur Synchroniser maintenant)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Without a schedule, expenses go to the ledger through the export queue and Export a month.</source>
        <translation>Sans planning, les dépenses vont en comptabilité par la file d’export et Exporter un mois.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin précède la date de début.</translation>
    </message>
    <message numerus="yes">
        <source>Each day is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Chaque jour est synchronisé %n jour après sa fin ; le premier, {day}, le {due}.</numerusform>
            <numerusform>Chaque jour est synchronisé %n jours après sa fin ; le premier, {day}, le {due}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each month is synced %n day(s) after it ends; the first, {day}, on {due}.</source>
        <translation>
            <numerusform>Chaque mois est synchronisé %n jour après sa fin ; le premier, {day}, le {due}.</numerusform>
            <numerusform>Chaque mois est synchronisé %n jours après sa fin ; le premier, {day}, le {due}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Nom de la connexion</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;om :</translation>
    </message>
    <message>
        <source>Accounting system:</source>
        <translation>Logiciel comptable :</translation>
    </message>
    <message>
        <source>Pleo company:</source>
        <translation>Société Pleo :</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>&amp;Vérifier la connexion</translation>
    </message>
    <message>
        <source>Run the &amp;setup again…</source>
        <translation>Refaire la &amp;configuration…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Associations</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Comptes…</translation>
    </message>
    <message>
        <source>&amp;Categories and VAT…</source>
        <translation>Catégories et &amp;TVA…</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>É&amp;tiquettes…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Export queue interval in minutes</source>
        <translation>Intervalle de la file d’export en minutes</translation>
    </message>
    <message>
        <source>Check the export &amp;queue every:</source>
        <translation>Vérifier la &amp;file d’export toutes les :</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Validées</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Create entries as:</source>
        <translation>Créer les écritures comme :</translation>
    </message>
    <message>
        <source>Export &amp;receipts</source>
        <translation>Exporter les &amp;justificatifs</translation>
    </message>
    <message>
        <source>&amp;Ignore Pleo wallet top-ups</source>
        <translation>&amp;Ignorer les rechargements du wallet Pleo</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Flux bancaire</translation>
    </message>
    <message>
        <source>Send the Pleo &amp;bank feed at 08:00 and 13:00 UTC</source>
        <translation>Envoyer le flux &amp;bancaire Pleo à 08:00 et 13:00 UTC</translation>
    </message>
    <message>
        <source>Send the feed &amp;now</source>
        <translation>Envoyer le flux &amp;maintenant</translation>
    </message>
    <message>
        <source>Newest statement file</source>
        <translation>Fichier de relevé le plus récent</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <source>Show the statement files in the file manager, the newest one highlighted.</source>
        <translation>Affiche les fichiers de relevé dans le gestionnaire de fichiers, le plus récent en surbrillance.</translation>
    </message>
    <message>
        <source>&amp;Import in the ledger…</source>
        <translation>&amp;Importer dans la comptabilité…</translation>
    </message>
    <message>
        <source>Opens the ledger&apos;s statement import in the browser and shows the newest file to pick there.</source>
        <translation>Ouvre l&apos;import de relevés de la comptabilité dans le navigateur et montre le fichier le plus récent à y choisir.</translation>
    </message>
    <message>
        <source>Scheduled sync of this administration</source>
        <translation>Synchronisation planifiée de ce dossier</translation>
    </message>
    <message>
        <source>Save the &amp;schedule</source>
        <translation>Enregistrer le &amp;planning</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>Dés&amp;activer</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>That is {times} your time. The feed and the export carry the same reference, so you match them in reconciliation and nothing is booked twice.</source>
        <translation>Soit {times} chez vous. Le flux et l’export portent la même référence : vous les rapprochez et rien n’est comptabilisé deux fois.</translation>
    </message>
    <message>
        <source>Edit the connection to choose it.</source>
        <translation>Modifiez la connexion pour le choisir.</translation>
    </message>
    <message>
        <source>Mapped: {categories}, {taxes}, {groups}.</source>
        <translation>Associés&#xa0;: {categories}, {taxes}, {groups}.</translation>
    </message>
    <message numerus="yes">
        <source>%n category(-ies)</source>
        <translation>
            <numerusform>%n catégorie</numerusform>
            <numerusform>%n catégories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VAT code(s)</source>
        <translation>
            <numerusform>%n code TVA</numerusform>
            <numerusform>%n codes TVA</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag group(s)</source>
        <translation>
            <numerusform>%n groupe d&apos;étiquettes</numerusform>
            <numerusform>%n groupes d&apos;étiquettes</numerusform>
        </translation>
    </message>
    <message>
        <source>Next check of the export queue: {when}.</source>
        <translation>Prochaine vérification de la file d’export : {when}.</translation>
    </message>
    <message>
        <source>Waiting for you to press Sync now: {periods}.</source>
        <translation>En attente de votre clic sur Synchroniser maintenant : {periods}.</translation>
    </message>
    <message>
        <source>Next scheduled sync: {when}.</source>
        <translation>Prochaine synchronisation planifiée : {when}.</translation>
    </message>
    <message>
        <source>The schedule has ended.</source>
        <translation>Le planning est terminé.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>&amp;Import in {system}…</source>
        <translation>&amp;Importer dans {system}…</translation>
    </message>
    <message>
        <source>No statement file yet: the first is written at the next feed time, in {folder}.</source>
        <translation>Pas encore de fichier de relevé&#xa0;: le premier est écrit à la prochaine heure du flux, dans {folder}.</translation>
    </message>
    <message>
        <source>Newest statement file: {file} ({when}), in {folder}.</source>
        <translation>Fichier de relevé le plus récent&#xa0;: {file} ({when}), dans {folder}.</translation>
    </message>
    <message>
        <source>In {system}, choose Import a statement&apos;s file {file}: lines imported before are skipped.</source>
        <translation>Dans {system}, choisissez le fichier {file} dans Importer un relevé&#xa0;: les lignes déjà importées sont ignorées.</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>Planning enregistré.</translation>
    </message>
    <message>
        <source>The schedule was not saved: {error}</source>
        <translation>La planification n’a pas été enregistrée : {error}</translation>
    </message>
    <message>
        <source>Syncing {periods}…</source>
        <translation>Synchronisation de {periods}…</translation>
    </message>
    <message>
        <source>Not renamed: {error}</source>
        <translation>Non renommée : {error}</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Deactivate {name}? Nothing is exported for it until you activate it again; its history stays.</source>
        <translation>Désactiver {name} ? Rien n’est exporté jusqu’à ce que vous la réactiviez ; son historique est conservé.</translation>
    </message>
    <message>
        <source>Not activated: the connection {name} already exports this Pleo company. Deactivate it first.</source>
        <translation>Non activée&#xa0;: la connexion {name} exporte déjà cette société Pleo. Désactivez-la d&apos;abord.</translation>
    </message>
    <message>
        <source>Checking Pleo and the ledger…</source>
        <translation>Vérification de Pleo et de la comptabilité…</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up a connection</source>
        <extracomment>the connection was saved (connection row, month to export now or None)</extracomment>
        <translation>Configurer une connexion</translation>
    </message>
    <message>
        <source>Change the connection {name}</source>
        <translation>Modifier la connexion {name}</translation>
    </message>
    <message>
        <source>The connection {name} already exports this Pleo company. Pleo has one accounting integration per company: the first connection to export takes all that waits in Pleo, so a second one would get nothing. Deactivate or delete {name} first (Settings tab), or change that connection instead.</source>
        <translation>La connexion {name} exporte déjà cette société Pleo. Pleo a une seule intégration comptable par société&#xa0;: la première connexion qui exporte prend tout ce qui attend dans Pleo, une deuxième n&apos;obtiendrait donc rien. Désactivez ou supprimez d&apos;abord {name} (onglet Paramètres), ou modifiez plutôt cette connexion.</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>No Pleo API key is stored yet: go back to Connect Pleo.</source>
        <translation>Aucune clé API Pleo n’est encore enregistrée : revenez à Connecter Pleo.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Check the answers, then save. pleodesk checks Pleo and the ledger once more before it saves anything.</source>
        <translation>Vérifiez vos réponses, puis enregistrez. pleodesk vérifie une dernière fois Pleo et la comptabilité avant d’enregistrer quoi que ce soit.</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Nom de la connexion</translation>
    </message>
    <message>
        <source>Connection &amp;name:</source>
        <translation>&amp;Nom de la connexion :</translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation>Récapitulatif de la configuration</translation>
    </message>
    <message>
        <source>&amp;Export {month} right after saving</source>
        <translation>&amp;Exporter {month} juste après l’enregistrement</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Accounting system</source>
        <translation>Logiciel comptable</translation>
    </message>
    <message>
        <source>Pleo company</source>
        <translation>Société Pleo</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(démo)</translation>
    </message>
    <message>
        <source>Journal folder</source>
        <translation>Dossier du journal</translation>
    </message>
    <message>
        <source>Company in the ledger</source>
        <translation>Société dans la comptabilité</translation>
    </message>
    <message>
        <source>Xero organisation</source>
        <translation>Organisation Xero</translation>
    </message>
    <message>
        <source>Journal ({role})</source>
        <translation>Journal ({role})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>{mapped} mapped, {unmapped} not mapped</source>
        <translation>{mapped} associée(s), {unmapped} non associée(s)</translation>
    </message>
    <message>
        <source>Tag groups</source>
        <translation>Groupes d’étiquettes</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>toutes les %n minute</numerusform>
            <numerusform>toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>validées</translation>
    </message>
    <message>
        <source>drafts</source>
        <translation>brouillons</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporté(s)</translation>
    </message>
    <message numerus="yes">
        <source>%n exported as {dimensions}</source>
        <translation>
            <numerusform>%n exporté comme {dimensions}</numerusform>
            <numerusform>%n exportés comme {dimensions}</numerusform>
        </translation>
    </message>
    <message>
        <source>Card expenses booked as</source>
        <translation>Dépenses par carte comptabilisées comme</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses booked as</source>
        <translation>Notes de frais comptabilisées comme</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>non exportés</translation>
    </message>
    <message>
        <source>Wallet top-ups</source>
        <translation>Rechargements du portefeuille</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>File d’export</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Flux bancaire</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>quotidienne</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>mensuelle</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>manual only</source>
        <translation>manuelle uniquement</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Synchronisation planifiée</translation>
    </message>
    <message>
        <source>The connection name is too long: use at most {n} characters.</source>
        <translation>Le nom de la connexion est trop long : utilisez au plus {n} caractères.</translation>
    </message>
    <message>
        <source>The connection name contains {char}, which cannot be shown as text: use letters, digits, spaces and punctuation only.</source>
        <translation>Le nom de la connexion contient {char}, qui ne peut pas s&apos;afficher comme du texte : utilisez uniquement des lettres, des chiffres, des espaces et de la ponctuation.</translation>
    </message>
    <message>
        <source>The connection needs a name.</source>
        <translation>La connexion a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <source>Another connection is already called {name}.</source>
        <translation>Une autre connexion s’appelle déjà {name}.</translation>
    </message>
    <message>
        <source>Checking Pleo and the ledger, then saving…</source>
        <translation>Vérification de Pleo et de la comptabilité, puis enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Not saved yet. Fix this first:</source>
        <translation>Pas encore enregistré. Corrigez d’abord ceci :</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Pleo tag group</source>
        <translation>Groupe d’étiquettes Pleo</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>axe analytique</translation>
    </message>
    <message>
        <source>Pleo tag groups and where they go in the ledger</source>
        <translation>Groupes d&apos;étiquettes Pleo et leur destination dans la comptabilité</translation>
    </message>
    <message>
        <source>Pleo tag</source>
        <translation>Étiquette Pleo</translation>
    </message>
    <message>
        <source>Value in the ledger</source>
        <translation>Valeur en comptabilité</translation>
    </message>
    <message>
        <source>Tags and their dimension values</source>
        <translation>Étiquettes et leurs valeurs d’axe</translation>
    </message>
    <message>
        <source>Create the &amp;missing values…</source>
        <translation>Créer les valeurs &amp;manquantes…</translation>
    </message>
    <message>
        <source>Create a value in the ledger for each tag of the chosen group that has none yet, named as in Pleo, and map the tags to them.</source>
        <translation>Crée dans la comptabilité une valeur pour chaque étiquette du groupe choisi qui n&apos;en a pas encore, nommée comme dans Pleo, et y associe les étiquettes.</translation>
    </message>
    <message numerus="yes">
        <source>Create %n missing value(s) in {dimension}…</source>
        <translation>
            <numerusform>Créer %n valeur manquante dans {dimension}…</numerusform>
            <numerusform>Créer %n valeurs manquantes dans {dimension}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Create values</source>
        <translation>Créer des valeurs</translation>
    </message>
    <message>
        <source>Create these values in {dimension}, and map the tags to them?

{values}</source>
        <translation>Créer ces valeurs dans {dimension} et y associer les étiquettes&#xa0;?

{values}</translation>
    </message>
    <message>
        <source>— not exported —</source>
        <translation>— non exporté —</translation>
    </message>
    <message>
        <source>{name} (not in the ledger)</source>
        <translation>{name} (absent de la comptabilité)</translation>
    </message>
    <message>
        <source>{dimension} for tag group {group}</source>
        <translation>{dimension} pour le groupe d&apos;étiquettes {group}</translation>
    </message>
    <message>
        <source>Too many tag groups</source>
        <translation>Trop de groupes d&apos;étiquettes</translation>
    </message>
    <message numerus="yes">
        <source>At most %n tag group(s) can be exported as {dimensions}. Stop exporting another group first.</source>
        <translation>
            <numerusform>Au plus %n groupe d&apos;étiquettes peut être exporté comme {dimensions}. Arrêtez d&apos;abord d&apos;exporter un autre groupe.</numerusform>
            <numerusform>Au plus %n groupes d&apos;étiquettes peuvent être exportés comme {dimensions}. Arrêtez d&apos;abord d&apos;exporter un autre groupe.</numerusform>
        </translation>
    </message>
    <message>
        <source>— choose the {dimension} first —</source>
        <translation>— choisissez d&apos;abord le/la {dimension} —</translation>
    </message>
    <message numerus="yes">
        <source>{groups} of at most {max} tag groups exported as {dimensions}; %n tag(s) mapped.</source>
        <translation>
            <numerusform>{groups} groupes d&apos;étiquettes sur {max} au plus exportés comme {dimensions} ; %n étiquette associée.</numerusform>
            <numerusform>{groups} groupes d&apos;étiquettes sur {max} au plus exportés comme {dimensions} ; %n étiquettes associées.</numerusform>
        </translation>
    </message>
    <message>
        <source>dimensions</source>
        <translation>dimensions</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— non associé —</translation>
    </message>
    <message>
        <source>Value for tag {tag}</source>
        <translation>Valeur pour l’étiquette {tag}</translation>
    </message>
</context>
<context>
    <name>TaxTable</name>
    <message>
        <source>Pleo tax code</source>
        <translation>Code TVA Pleo</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Code TVA</translation>
    </message>
    <message>
        <source>Pleo tax codes and their ledger tax codes</source>
        <translation>Codes TVA Pleo et leurs codes TVA comptables</translation>
    </message>
    <message>
        <source>(reverse charge)</source>
        <translation>(autoliquidation)</translation>
    </message>
    <message>
        <source>— not mapped —</source>
        <translation>— non associé —</translation>
    </message>
    <message>
        <source>Ledger tax code for {tax}</source>
        <translation>Code TVA comptable pour {tax}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Open pleodesk</source>
        <translation>&amp;Ouvrir pleodesk</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>A new statement file is ready</source>
        <translation>Un nouveau fichier de relevé est prêt</translation>
    </message>
    <message>
        <source>{name}: import {file} in {system} (Settings &gt; Bank feed &gt; Import). Click to show the file.</source>
        <translation>{name}&#xa0;: importez {file} dans {system} (Paramètres &gt; Flux bancaire &gt; Importer). Cliquez pour afficher le fichier.</translation>
    </message>
    <message>
        <source>{name}: {what} — {status}</source>
        <translation>{name} : {what} — {status}</translation>
    </message>
    <message numerus="yes">
        <source>pleodesk: %n expense(s) need attention</source>
        <translation>
            <numerusform>pleodesk&#xa0;: %n dépense demande votre attention</numerusform>
            <numerusform>pleodesk&#xa0;: %n dépenses demandent votre attention</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {new} more held or failed since the last run. Open Problems to fix them.</source>
        <translation>{name} : {new} de plus retenue(s) ou en échec depuis la dernière exécution. Ouvrez Problèmes pour les corriger.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to pleodesk</source>
        <translation>Bienvenue dans pleodesk</translation>
    </message>
    <message>
        <source>pleodesk sends your company&apos;s Pleo expenses to your accounting system: each expense with its category, VAT, labels and receipt. Setting it up takes about five minutes; you can close this window at any time and continue later.</source>
        <translation>pleodesk envoie les dépenses Pleo de votre entreprise vers votre logiciel comptable : chaque dépense avec sa catégorie, sa TVA, ses étiquettes et son justificatif. La configuration prend environ cinq minutes ; vous pouvez fermer cette fenêtre à tout moment et reprendre plus tard.</translation>
    </message>
    <message>
        <source>Which accounting system do you use?</source>
        <translation>Quel logiciel comptable utilisez-vous ?</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Ce dont vous avez besoin</translation>
    </message>
    <message>
        <source>A Pleo API key and your Pleo company id (in Pleo: Settings → API keys).</source>
        <translation>Une clé API Pleo et l’identifiant de votre société Pleo (dans Pleo : Paramètres → Clés API).</translation>
    </message>
    <message>
        <source>Access to your accounting system, or a folder for the journal file.</source>
        <translation>Un accès à votre logiciel comptable, ou un dossier pour le fichier de journal.</translation>
    </message>
    <message>
        <source>Your chart of accounts: which ledger account each Pleo category goes to.</source>
        <translation>Votre plan comptable : vers quel compte va chaque catégorie Pleo.</translation>
    </message>
    <message>
        <source>Starting the setup…</source>
        <translation>Démarrage de la configuration…</translation>
    </message>
</context>
<context>
    <name>fec</name>
    <message>
        <source>FEC file (France): Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime</source>
        <extracomment>Where the wizard keeps the FEC&apos;s chart in the connection&apos;s settings.</extracomment>
        <translation>Fichier FEC (France) : Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime</translation>
    </message>
    <message>
        <source>A fichier des écritures comptables in its legal form for each export, with the receipts beside it, for French ledgers that import files.</source>
        <translation>Un fichier des écritures comptables dans sa forme légale pour chaque export, avec les justificatifs à côté, pour les logiciels comptables français qui importent des fichiers.</translation>
    </message>
    <message>
        <source>account (plan comptable général)</source>
        <translation>compte (plan comptable général)</translation>
    </message>
    <message>
        <source>VAT code</source>
        <translation>code TVA</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>axe</translation>
    </message>
    <message>
        <source>dimensions (the FEC has no analytic columns)</source>
        <translation>axes (le FEC n&apos;a pas de colonnes analytiques)</translation>
    </message>
    <message>
        <source>Pleo bank account (512…)</source>
        <translation>Compte bancaire Pleo (512…)</translation>
    </message>
    <message>
        <source>Amounts owed to employees (421…)</source>
        <translation>Sommes dues aux salariés (421…)</translation>
    </message>
    <message>
        <source>Suppliers (401…)</source>
        <translation>Fournisseurs (401…)</translation>
    </message>
    <message>
        <source>These accounts are the counter side of each entry. They must be accounts of the plan comptable général that your ledger has; create them here if the chart lacks them.</source>
        <translation>Ces comptes sont la contrepartie de chaque écriture. Ce doivent être des comptes du plan comptable général que votre comptabilité possède ; créez-les ici s&apos;ils manquent au plan.</translation>
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
        <translation>Un autre logiciel comptable</translation>
    </message>
    <message>
        <source>Select the fiscal year the entries belong to (Dossier &gt; Exercices).</source>
        <translation>Sélectionnez l&apos;exercice des écritures (Dossier &gt; Exercices).</translation>
    </message>
    <message>
        <source>Import the run&apos;s .txt file with Comptabilité &gt; Imports &gt; Écritures &gt; FEC.</source>
        <translation>Importez le fichier .txt de l&apos;export par Comptabilité &gt; Imports &gt; Écritures &gt; FEC.</translation>
    </message>
    <message>
        <source>The FEC import attaches no receipts: attach them from the run&apos;s folder, where each is named after its entry&apos;s PieceRef.</source>
        <translation>L&apos;import FEC ne joint pas les justificatifs : joignez-les depuis le dossier de l&apos;export, où chacun porte le PieceRef de son écriture.</translation>
    </message>
    <message>
        <source>Whether the import adds to the entries already there or replaces them: try a first file on a test folder.</source>
        <translation>Si l&apos;import ajoute aux écritures déjà présentes ou les remplace : essayez un premier fichier sur un dossier de test.</translation>
    </message>
    <message>
        <source>Click the import icon at the top right and choose the run&apos;s .txt file.</source>
        <translation>Cliquez sur l&apos;icône d&apos;import en haut à droite et choisissez le fichier .txt de l&apos;export.</translation>
    </message>
    <message>
        <source>Choose (or create) the fiscal year; do not close the year after the import.</source>
        <translation>Choisissez (ou créez) l&apos;exercice ; ne clôturez pas l&apos;exercice après l&apos;import.</translation>
    </message>
    <message>
        <source>Choose to add the entries to those of the period (&quot;rajouter&quot;), not to replace them.</source>
        <translation>Choisissez d&apos;ajouter les écritures à celles de la période (&quot;rajouter&quot;), non de les remplacer.</translation>
    </message>
    <message>
        <source>To take the receipts too, choose &quot;Importer un FEC avec ses pièces comptables&quot;; how Inqom wants them packed with the file: pleodesk puts them beside it, named after each entry&apos;s PieceRef.</source>
        <translation>Pour prendre aussi les justificatifs, choisissez &quot;Importer un FEC avec ses pièces comptables&quot; ; comment Inqom veut qu&apos;ils accompagnent le fichier : pleodesk les met à côté, nommés d&apos;après le PieceRef de chaque écriture.</translation>
    </message>
    <message>
        <source>Each run also writes Sage&apos;s documented text import of entries (the file ending in _sage.txt: tab separated, dates JJMMAA).</source>
        <translation>Chaque export écrit aussi l&apos;import texte d&apos;écritures documenté par Sage (le fichier se terminant par _sage.txt : séparé par des tabulations, dates JJMMAA).</translation>
    </message>
    <message>
        <source>The import menu of Sage 100 Comptabilité (a &quot;Format Sage&quot; or &quot;format paramétrable&quot; import), and whether it imports an FEC.</source>
        <translation>Le menu d&apos;import de Sage 100 Comptabilité (un import &quot;Format Sage&quot; ou &quot;format paramétrable&quot;), et s&apos;il importe un FEC.</translation>
    </message>
    <message>
        <source>Receipts do not go with the file: attach them from the run&apos;s folder.</source>
        <translation>Les justificatifs ne partent pas avec le fichier : joignez-les depuis le dossier de l&apos;export.</translation>
    </message>
    <message>
        <source>Comptabilité Expert imports files under Outils &gt; Importation (confirmed for fixed assets).</source>
        <translation>Comptabilité Expert importe des fichiers sous Outils &gt; Importation (confirmé pour les immobilisations).</translation>
    </message>
    <message>
        <source>Whether it imports entries from an FEC, and through which screen: ask the accounting firm.</source>
        <translation>S&apos;il importe des écritures depuis un FEC, et par quel écran : demandez au cabinet comptable.</translation>
    </message>
    <message>
        <source>Each run also writes the flat CSV MyUnisoft takes from expense tools (the file ending in _myunisoft.csv: debit and credit columns, dates yyyyMMdd, comma decimals).</source>
        <translation>Chaque export écrit aussi le CSV à plat que MyUnisoft accepte des outils de notes de frais (le fichier se terminant par _myunisoft.csv : colonnes débit et crédit, dates aaaaMMjj, décimales à virgule).</translation>
    </message>
    <message>
        <source>The column order and the import screen MyUnisoft expects, and whether it imports an FEC: the file&apos;s header names each column for the import&apos;s mapping.</source>
        <translation>L&apos;ordre des colonnes et l&apos;écran d&apos;import qu&apos;attend MyUnisoft, et s&apos;il importe un FEC : l&apos;en-tête du fichier nomme chaque colonne pour le paramétrage de l&apos;import.</translation>
    </message>
    <message>
        <source>Whether Tiime imports entries from an FEC or another file: ask the accountant which import screen they use before relying on it.</source>
        <translation>Si Tiime importe des écritures depuis un FEC ou un autre fichier : demandez à l&apos;expert-comptable quel écran d&apos;import il utilise avant de compter dessus.</translation>
    </message>
    <message>
        <source>Import the run&apos;s .txt file with your ledger&apos;s FEC import.</source>
        <translation>Importez le fichier .txt de l&apos;export avec l&apos;import FEC de votre logiciel comptable.</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>non confirmé</translation>
    </message>
    <message>
        <source>One entry per expense</source>
        <translation>Une écriture par dépense</translation>
    </message>
    <message>
        <source>One summary entry per day</source>
        <translation>Une écriture récapitulative par jour</translation>
    </message>
    <message>
        <source>One summary entry per month</source>
        <translation>Une écriture récapitulative par mois</translation>
    </message>
    <message>
        <source>{code} is not an account of the plan comptable général: use a number such as 512100.</source>
        <translation>{code} n&apos;est pas un compte du plan comptable général : utilisez un numéro comme 512100.</translation>
    </message>
    <message>
        <source>The SIREN is the company&apos;s 9-digit number (the first 9 digits of its SIRET, on its Kbis extract).</source>
        <translation>Le SIREN est le numéro à 9 chiffres de l&apos;entreprise (les 9 premiers chiffres de son SIRET, sur son extrait Kbis).</translation>
    </message>
    <message>
        <source>This SIREN has a wrong check digit: compare it with the Kbis extract.</source>
        <translation>Ce SIREN a une clé de contrôle erronée : comparez-le à l&apos;extrait Kbis.</translation>
    </message>
    <message>
        <source>The journal code is 1 to 8 capital letters or digits, such as PLEO.</source>
        <translation>Le code journal compte 1 à 8 majuscules ou chiffres, comme PLEO.</translation>
    </message>
    <message>
        <source>{ledger} keeps the journal code {code} for itself: choose another.</source>
        <translation>{ledger} réserve le code journal {code} : choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Write the last day of the fiscal year as month-day, such as 12-31.</source>
        <translation>Écrivez le dernier jour de l&apos;exercice sous la forme mois-jour, comme 12-31.</translation>
    </message>
</context>
<context>
    <name>journal_file</name>
    <message>
        <source>General journal file (CSV)</source>
        <translation>Fichier de journal général (CSV)</translation>
    </message>
    <message>
        <source>journal file</source>
        <translation>fichier de journal</translation>
    </message>
    <message>
        <source>One balanced journal entry per expense in a CSV file, receipts in a folder beside it; for any ledger that imports a general journal.</source>
        <translation>Une écriture équilibrée par dépense dans un fichier CSV, les justificatifs dans un dossier à côté ; pour toute comptabilité qui importe un journal général.</translation>
    </message>
    <message>
        <source>ledger account</source>
        <translation>compte comptable</translation>
    </message>
    <message>
        <source>VAT code</source>
        <translation>code TVA</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>axe analytique</translation>
    </message>
    <message>
        <source>dimensions (cost centres, projects)</source>
        <translation>axes analytiques (centres de coûts, projets)</translation>
    </message>
    <message>
        <source>Pleo bank account (the wallet)</source>
        <translation>Compte bancaire Pleo (le wallet)</translation>
    </message>
    <message>
        <source>These accounts are the counter side of each journal entry. They must exist in the chart of accounts; create them here if they do not.</source>
        <translation>Ces comptes sont la contrepartie de chaque écriture. Ils doivent exister dans le plan comptable ; créez-les ici si ce n’est pas le cas.</translation>
    </message>
    <message>
        <source>Line {line} needs a code and a name.</source>
        <translation>La ligne {line} doit avoir un numéro et un nom.</translation>
    </message>
    <message>
        <source>The file holds no accounts.</source>
        <translation>Le fichier ne contient aucun compte.</translation>
    </message>
    <message>
        <source>The chart has no dimension named {name}.</source>
        <translation>Le plan comptable n&apos;a pas de dimension nommée {name}.</translation>
    </message>
    <message>
        <source>Account {code} already exists ({name}).</source>
        <translation>Le compte {code} existe déjà ({name}).</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Choisissez un dossier.</translation>
    </message>
    <message>
        <source>{folder} cannot be created.</source>
        <translation>{folder} ne peut pas être créé.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <source>You cannot write to {folder}. Choose another folder.</source>
        <translation>Vous ne pouvez pas écrire dans {folder}. Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>The keyring in use ({backend}) would keep the keys in a file, or only until pleodesk closes, so pleodesk does not use it.</source>
        <translation>Le trousseau utilisé ({backend}) garderait les clés dans un fichier, ou seulement jusqu’à la fermeture de pleodesk&#xa0;; pleodesk ne l’utilise donc pas.</translation>
    </message>
    <message>
        <source>The system keyring ({backend}) could not keep a key: {error}</source>
        <translation>Le trousseau du système ({backend}) n’a pas pu garder une clé&#xa0;: {error}</translation>
    </message>
    <message>
        <source>No system keyring is available to keep the keys safe.</source>
        <translation>Aucun trousseau du système n’est disponible pour garder les clés en sécurité.</translation>
    </message>
    <message>
        <source>Nothing was saved. Install GNOME Keyring (Debian and Ubuntu: sudo apt install gnome-keyring) or KWallet, log in again so it is unlocked, and start the setup again. The demo company (pleodesk --demo) needs no keyring.</source>
        <translation>Rien n’a été enregistré. Installez GNOME Keyring (Debian et Ubuntu&#xa0;: sudo apt install gnome-keyring) ou KWallet, reconnectez-vous pour qu’il soit déverrouillé, puis recommencez la configuration. L’entreprise de démonstration (pleodesk --demo) n’a pas besoin de trousseau.</translation>
    </message>
    <message>
        <source>Nothing was saved. Unlock the system keyring (macOS Keychain, Windows Credential Manager) and start the setup again. The demo company (pleodesk --demo) needs no keyring.</source>
        <translation>Rien n’a été enregistré. Déverrouillez le trousseau du système (Trousseau d’accès de macOS, Gestionnaire d’identification de Windows) puis recommencez la configuration. L’entreprise de démonstration (pleodesk --demo) n’a pas besoin de trousseau.</translation>
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
        <translation>Des pièces comptables dans Lexware Office avec les justificatifs joints, et les lignes de carte Pleo pour son compte bancaire. Pas de remboursements (Privatauslagen).</translation>
    </message>
    <message>
        <source>Lexware Office category</source>
        <translation>catégorie Lexware Office</translation>
    </message>
    <message>
        <source>tax rate</source>
        <translation>taux de TVA</translation>
    </message>
    <message>
        <source>cost centre</source>
        <translation>centre de coûts</translation>
    </message>
    <message>
        <source>cost centres</source>
        <translation>centres de coûts</translation>
    </message>
    <message>
        <source>Pleo bank account in Lexware Office</source>
        <translation>Compte bancaire Pleo dans Lexware Office</translation>
    </message>
    <message>
        <source>Open voucher until its payment is matched</source>
        <translation>Pièce ouverte jusqu&apos;au rapprochement de son paiement</translation>
    </message>
    <message>
        <source>Reimbursements (not supported by Lexware Office)</source>
        <translation>Remboursements (non pris en charge par Lexware Office)</translation>
    </message>
    <message>
        <source>Reimbursements paid outside Pleo (not supported by Lexware Office)</source>
        <translation>Remboursements payés hors de Pleo (non pris en charge par Lexware Office)</translation>
    </message>
    <message>
        <source>Lexware Office books every expense as a voucher (Beleg) that stays open until it is matched with its line on the Pleo bank account, so these two are all it needs; pleodesk chose them.</source>
        <translation>Lexware Office comptabilise chaque dépense comme pièce (Beleg) qui reste ouverte jusqu&apos;à son rapprochement avec sa ligne du compte bancaire Pleo ; il ne faut rien de plus, pleodesk les a choisis.</translation>
    </message>
    <message>
        <source>Lexware Office gets the Pleo card lines as transactions of its bank account &quot;Pleo&quot; (pleodesk created it). Every exported voucher comes with an assignment hint: approve the matches in Lexware Office under Finanzen &gt; Bank &gt; Zuordnungsvorschläge. Wallet top-ups and unloads are not sent; add them by hand.</source>
        <translation>Lexware Office reçoit les lignes de carte Pleo comme transactions de son compte bancaire « Pleo » (créé par pleodesk). Chaque pièce exportée est accompagnée d&apos;une suggestion de rapprochement : validez-les dans Lexware Office sous Finanzen &gt; Bank &gt; Zuordnungsvorschläge. Les rechargements et retraits du portefeuille ne sont pas envoyés ; saisissez-les vous-même.</translation>
    </message>
    <message>
        <source>Without Lexware partner access, pleodesk writes the Pleo card lines to CSV files in {folder}. Once: in Lexware Office add a bank account named &quot;Pleo&quot; without online banking (Finanzen &gt; Bank &gt; Bankkonto hinzufügen), and at the first import assign the columns Buchungstag to Datum, Verwendungszweck, Auftraggeber/Empfänger and Betrag. Then import every new file once (the account&apos;s … menu &gt; Umsätze importieren (CSV)): Lexware Office does not notice a file imported twice, and pleodesk never writes a line twice. Wallet top-ups and unloads are not in the files; add them by hand.</source>
        <translation>Sans accès partenaire Lexware, pleodesk écrit les lignes de carte Pleo dans des fichiers CSV dans {folder}. Une fois : dans Lexware Office, ajoutez un compte bancaire « Pleo » sans banque en ligne (Finanzen &gt; Bank &gt; Bankkonto hinzufügen) et, au premier import, associez les colonnes Buchungstag à Datum, Verwendungszweck, Auftraggeber/Empfänger et Betrag. Importez ensuite chaque nouveau fichier une seule fois (menu … du compte &gt; Umsätze importieren (CSV)) : Lexware Office ne remarque pas un fichier importé deux fois, et pleodesk n&apos;écrit jamais une ligne deux fois. Les rechargements et retraits du portefeuille ne sont pas dans les fichiers ; saisissez-les vous-même.</translation>
    </message>
    <message>
        <source>net</source>
        <translation>hors taxes</translation>
    </message>
    <message>
        <source>gross</source>
        <translation>toutes taxes comprises</translation>
    </message>
    <message>
        <source>VAT-free</source>
        <translation>sans TVA</translation>
    </message>
    <message>
        <source>Connected to {company} (taxation: {tax}); expense categories: {n}.</source>
        <translation>Connecté à {company} (imposition : {tax}) ; catégories de dépenses : {n}.</translation>
    </message>
    <message>
        <source>Vouchers created: {n}. Look for them in Lexware Office under Belege &gt; Alle Belege (the voucher number is the Pleo reference). The newest:</source>
        <translation>Pièces créées : {n}. Vous les trouvez dans Lexware Office sous Belege &gt; Alle Belege (le numéro est la référence Pleo). Les plus récentes :</translation>
    </message>
    <message>
        <source>No voucher has been created yet: the Export tab and the problems below say why.</source>
        <translation>Aucune pièce n&apos;a encore été créée : l&apos;onglet Exporter et les problèmes ci-dessous disent pourquoi.</translation>
    </message>
    <message>
        <source>Card lines sent to the Pleo bank account: {n}. If the vouchers are there but nothing shows under Finanzen &gt; Bank &gt; Zuordnungsvorschläge, the lines have not reached Lexware Office yet.</source>
        <translation>Lignes de carte envoyées au compte bancaire Pleo : {n}. Si les pièces sont là mais que rien n&apos;apparaît sous Finanzen &gt; Bank &gt; Zuordnungsvorschläge, les lignes ne sont pas encore arrivées dans Lexware Office.</translation>
    </message>
    <message>
        <source>A small business (Kleinunternehmer): every expense is booked at 0 %, without input tax.</source>
        <translation>Une petite entreprise (Kleinunternehmer) : chaque dépense est comptabilisée à 0 %, sans TVA déductible.</translation>
    </message>
    <message>
        <source>These categories need a supplier among the contacts: {names}.</source>
        <translation>Ces catégories exigent un fournisseur parmi les contacts : {names}.</translation>
    </message>
    <message>
        <source>Exported but nothing in Lexware Office?</source>
        <translation>Exporté mais rien dans Lexware Office ?</translation>
    </message>
    <message>
        <source>No card lines have been sent yet (the bank feed runs at 08:00 and 13:00 UTC when it is on).</source>
        <translation>Aucune ligne de carte n&apos;a encore été envoyée (le flux bancaire passe à 08:00 et 13:00 UTC s&apos;il est activé).</translation>
    </message>
    <message>
        <source>This key belongs to {company}, not to {expected}: nothing was changed.</source>
        <translation>Cette clé appartient à {company}, pas à {expected} : rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>mapping</name>
    <message>
        <source> (archived)</source>
        <translation> (archivé)</translation>
    </message>
    <message>
        <source>{code} (not in the ledger)</source>
        <translation>{code} (absent de la comptabilité)</translation>
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
        <translation>Écritures comptables ou factures fournisseurs dans Odoo, en brouillon ou comptabilisées, justificatifs joints ; les groupes d’étiquettes Pleo comme plans analytiques.</translation>
    </message>
    <message>
        <source>Odoo account</source>
        <translation>compte Odoo</translation>
    </message>
    <message>
        <source>Odoo tax</source>
        <translation>taxe Odoo</translation>
    </message>
    <message>
        <source>analytic plan</source>
        <translation>plan analytique</translation>
    </message>
    <message>
        <source>analytic plans</source>
        <translation>plans analytiques</translation>
    </message>
    <message>
        <source>Pleo wallet account</source>
        <translation>Compte du wallet Pleo</translation>
    </message>
    <message>
        <source>Pleo account for out-of-pocket expenses</source>
        <translation>Compte Pleo des frais avancés par les salariés</translation>
    </message>
    <message>
        <source>Pleo counter account for external reimbursements</source>
        <translation>Compte de contrepartie Pleo pour les remboursements payés hors de Pleo</translation>
    </message>
    <message>
        <source>Accounts payable (type Payable, for vendor bills)</source>
        <translation>Fournisseurs (type « À payer », pour les factures fournisseurs)</translation>
    </message>
    <message>
        <source>In Odoo these live under Accounting &gt; Configuration &gt; Chart of Accounts. Any type will do, except that accounts payable must be of the type Payable.</source>
        <translation>Dans Odoo, ils se trouvent sous Comptabilité &gt; Configuration &gt; Plan comptable. Tous les types conviennent, sauf pour le compte fournisseurs, qui doit être du type « À payer ».</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Écriture comptable</translation>
    </message>
    <message>
        <source>Vendor bill</source>
        <translation>Facture fournisseur</translation>
    </message>
    <message>
        <source>Journal for Pleo expenses (type Miscellaneous):</source>
        <translation>Journal des dépenses Pleo (type Divers) :</translation>
    </message>
    <message>
        <source>Create {code} &quot;{name}&quot;</source>
        <translation>Créer {code} « {name} »</translation>
    </message>
    <message>
        <source>Journal for vendor bills (type Purchase):</source>
        <translation>Journal des factures fournisseurs (type Achat) :</translation>
    </message>
    <message>
        <source>Bank journal of the Pleo wallet, for the bank feed:</source>
        <translation>Journal de banque du wallet Pleo, pour le flux bancaire :</translation>
    </message>
    <message>
        <source>The bank feed needs the bank journal of the Pleo wallet: choose it on the page &quot;Bank account and journals&quot;. If Odoo has none yet, create one there (Accounting &gt; Configuration &gt; Journals &gt; New, type Bank, with the Pleo wallet account as its account) and read the journals again.</source>
        <translation>Le flux bancaire a besoin du journal de banque du wallet Pleo : choisissez-le sur la page « Compte bancaire et journaux ». Si Odoo n’en a pas encore, créez-en un (Comptabilité &gt; Configuration &gt; Journaux &gt; Nouveau, type Banque, avec le compte du wallet Pleo comme compte) puis relisez les journaux.</translation>
    </message>
    <message>
        <source>The Odoo user may not use the chosen company. Choose another one.</source>
        <translation>L’utilisateur Odoo n’a pas accès à la société choisie. Choisissez-en une autre.</translation>
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
        <translation>Des écritures dans un journal Pleo de Pennylane, une par dépense avec son justificatif ou une par jour ou par mois ; les catégories analytiques comme groupes d&apos;étiquettes Pleo.</translation>
    </message>
    <message>
        <source>ledger account</source>
        <translation>compte</translation>
    </message>
    <message>
        <source>VAT account and rate</source>
        <translation>compte de TVA et taux</translation>
    </message>
    <message>
        <source>analytic category group</source>
        <translation>groupe de catégories analytiques</translation>
    </message>
    <message>
        <source>analytic category groups</source>
        <translation>groupes de catégories analytiques</translation>
    </message>
    <message>
        <source>Pleo bank ledger account (512…)</source>
        <translation>Compte de banque Pleo (512…)</translation>
    </message>
    <message>
        <source>Amounts owed to employees (421…)</source>
        <translation>Sommes dues aux salariés (421…)</translation>
    </message>
    <message>
        <source>Counter account of reimbursements paid outside Pleo</source>
        <translation>Contrepartie des remboursements payés hors de Pleo</translation>
    </message>
    <message>
        <source>Suppliers (401…)</source>
        <translation>Fournisseurs (401…)</translation>
    </message>
    <message>
        <source>The Pleo bank ledger account is the counter side of each entry: choose a 512 account, or create one (pleodesk proposes 512100 Banque Pleo). The other accounts are only needed for those kinds of expense.</source>
        <translation>Le compte de banque Pleo est la contrepartie de chaque écriture : choisissez un compte 512, ou créez-en un (pleodesk propose 512100 Banque Pleo). Les autres comptes ne servent qu&apos;à ces types de dépenses.</translation>
    </message>
    <message>
        <source>Journal for Pleo expenses:</source>
        <translation>Journal des dépenses Pleo :</translation>
    </message>
    <message>
        <source>Create {code} &quot;{name}&quot;</source>
        <translation>Créer {code} &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>One entry per expense, with its receipt</source>
        <translation>Une écriture par dépense, avec son justificatif</translation>
    </message>
    <message>
        <source>One summary entry per day</source>
        <translation>Une écriture récapitulative par jour</translation>
    </message>
    <message>
        <source>One summary entry per month</source>
        <translation>Une écriture récapitulative par mois</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Category {label} has no ledger account</source>
        <translation>La catégorie {label} n’a pas de compte comptable</translation>
    </message>
    <message>
        <source>Choose its ledger account, then press Retry.</source>
        <translation>Choisissez son compte comptable, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>Expenses without a category</source>
        <translation>Dépenses sans catégorie</translation>
    </message>
    <message>
        <source>Give them a category in Pleo, or choose an account for expenses without a category.</source>
        <translation>Donnez-leur une catégorie dans Pleo, ou choisissez un compte pour les dépenses sans catégorie.</translation>
    </message>
    <message>
        <source>Category {label}: its ledger account is not in the ledger</source>
        <translation>Catégorie {label} : son compte comptable n’existe pas en comptabilité</translation>
    </message>
    <message>
        <source>Choose another ledger account.</source>
        <translation>Choisissez un autre compte comptable.</translation>
    </message>
    <message>
        <source>Category {label}: its ledger account is archived</source>
        <translation>Catégorie {label} : son compte comptable est archivé</translation>
    </message>
    <message>
        <source>Choose an active ledger account.</source>
        <translation>Choisissez un compte comptable actif.</translation>
    </message>
    <message>
        <source>Pleo tax code {label} has no tax code in the ledger</source>
        <translation>Le code TVA Pleo {label} n’a pas de code TVA en comptabilité</translation>
    </message>
    <message>
        <source>Choose its tax code in the ledger.</source>
        <translation>Choisissez son code TVA en comptabilité.</translation>
    </message>
    <message>
        <source>Tax code {label} is not in the ledger</source>
        <translation>Le code TVA {label} n’existe pas en comptabilité</translation>
    </message>
    <message>
        <source>Choose another tax code.</source>
        <translation>Choisissez un autre code TVA.</translation>
    </message>
    <message>
        <source>Tax code {label} is archived in the ledger</source>
        <translation>Le code TVA {label} est archivé en comptabilité</translation>
    </message>
    <message>
        <source>Choose an active tax code.</source>
        <translation>Choisissez un code TVA actif.</translation>
    </message>
    <message>
        <source>Tax code {label} has another rate in the ledger than in Pleo</source>
        <translation>Le code TVA {label} n’a pas le même taux en comptabilité que dans Pleo</translation>
    </message>
    <message>
        <source>Choose the tax code with Pleo&apos;s rate.</source>
        <translation>Choisissez le code TVA au taux de Pleo.</translation>
    </message>
    <message>
        <source>Tax code {label} has no tax account in the ledger</source>
        <translation>Le code TVA {label} n’a pas de compte de TVA en comptabilité</translation>
    </message>
    <message>
        <source>Give the tax code its tax account in the ledger.</source>
        <translation>Attribuez un compte de TVA au code TVA en comptabilité.</translation>
    </message>
    <message>
        <source>Tag {label} has no value in the ledger</source>
        <translation>L’étiquette {label} n’a pas de valeur en comptabilité</translation>
    </message>
    <message>
        <source>Choose its value under Labels.</source>
        <translation>Choisissez sa valeur sous Étiquettes.</translation>
    </message>
    <message>
        <source>Tag group {label}: its dimension is not in the ledger</source>
        <translation>Groupe d’étiquettes {label} : son axe n’existe pas en comptabilité</translation>
    </message>
    <message>
        <source>Choose another dimension under Labels.</source>
        <translation>Choisissez un autre axe sous Étiquettes.</translation>
    </message>
    <message>
        <source>Tag {label}: its value is not in the ledger</source>
        <translation>Étiquette {label} : sa valeur n’existe pas en comptabilité</translation>
    </message>
    <message>
        <source>Choose another value under Labels.</source>
        <translation>Choisissez une autre valeur sous Étiquettes.</translation>
    </message>
    <message>
        <source>Tag {label}: its value is archived in the ledger</source>
        <translation>Étiquette {label} : sa valeur est archivée en comptabilité</translation>
    </message>
    <message>
        <source>Choose an active value under Labels.</source>
        <translation>Choisissez une valeur active sous Étiquettes.</translation>
    </message>
    <message>
        <source>Two tags give one dimension two values ({label})</source>
        <translation>Deux étiquettes donnent deux valeurs au même axe ({label})</translation>
    </message>
    <message>
        <source>Map the tags so that each line gets one value per dimension.</source>
        <translation>Associez les étiquettes pour que chaque ligne ait une seule valeur par axe.</translation>
    </message>
    <message>
        <source>No counter account chosen for: {label}</source>
        <translation>Aucun compte de contrepartie choisi pour : {label}</translation>
    </message>
    <message>
        <source>Choose it under Accounts.</source>
        <translation>Choisissez-le sous Comptes.</translation>
    </message>
    <message>
        <source>The counter account for {label} cannot be used in the ledger</source>
        <translation>Le compte de contrepartie pour {label} n’est pas utilisable en comptabilité</translation>
    </message>
    <message>
        <source>Choose an active account under Accounts.</source>
        <translation>Choisissez un compte actif sous Comptes.</translation>
    </message>
    <message>
        <source>Pleo&apos;s amounts do not add up ({label})</source>
        <translation>Les montants de Pleo ne concordent pas ({label})</translation>
    </message>
    <message>
        <source>Check the expense in Pleo, then press Retry.</source>
        <translation>Vérifiez la dépense dans Pleo, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>This kind of expense cannot be booked ({label})</source>
        <translation>Ce type de dépense ne peut pas être comptabilisé ({label})</translation>
    </message>
    <message>
        <source>Book it by hand in the ledger.</source>
        <translation>Comptabilisez-la à la main.</translation>
    </message>
    <message>
        <source>no category, and no account for expenses without a category</source>
        <translation>pas de catégorie, et pas de compte pour les dépenses sans catégorie</translation>
    </message>
    <message>
        <source>category {key}: no ledger account</source>
        <translation>catégorie {key} : pas de compte comptable</translation>
    </message>
    <message>
        <source>category {key}: account {account} is not in the ledger</source>
        <translation>catégorie {key} : le compte {account} n’existe pas en comptabilité</translation>
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
        <translation>Les dépenses dans la liste Dépenses de QuickBooks sur un compte bancaire Pleo, reçus joints&#xa0;; classes, projets et emplacements comme étiquettes Pleo.</translation>
    </message>
    <message>
        <source>QuickBooks account</source>
        <translation>compte QuickBooks</translation>
    </message>
    <message>
        <source>QuickBooks VAT code</source>
        <translation>code de TVA QuickBooks</translation>
    </message>
    <message>
        <source>class, project or location</source>
        <translation>classe, projet ou emplacement</translation>
    </message>
    <message>
        <source>classes, projects and locations</source>
        <translation>classes, projets et emplacements</translation>
    </message>
    <message>
        <source>Pleo bank account in QuickBooks</source>
        <translation>Compte bancaire Pleo dans QuickBooks</translation>
    </message>
    <message>
        <source>Pleo Pocket bank account in QuickBooks</source>
        <translation>Compte bancaire Pleo Pocket dans QuickBooks</translation>
    </message>
    <message>
        <source>Bank account reimbursements are paid from</source>
        <translation>Compte bancaire d&apos;où sont payés les remboursements</translation>
    </message>
    <message>
        <source>Accounts payable (for Pleo invoices, booked as bills)</source>
        <translation>Fournisseurs (pour les factures Pleo, comptabilisées comme factures fournisseurs)</translation>
    </message>
    <message>
        <source>Choose the Pleo bank account created on the previous page (Banque Pleo), and the Pleo Pocket account if you use Pleo Pocket. In QuickBooks these are under Settings &gt; Chart of accounts.</source>
        <translation>Choisissez le compte bancaire Pleo créé à la page précédente (Banque Pleo), et le compte Pleo Pocket si vous utilisez Pleo Pocket. Dans QuickBooks, ils se trouvent sous Paramètres &gt; Plan comptable.</translation>
    </message>
    <message>
        <source>QuickBooks Online takes no bank feed from apps: QuickBooks&apos; own bank connections bring the statement lines.</source>
        <translation>QuickBooks Online n&apos;accepte pas de flux bancaire venant d&apos;applications&#xa0;: les connexions bancaires de QuickBooks apportent les lignes de relevé.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Num&amp;ber:</source>
        <translation>Num&amp;éro&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Journal code:</source>
        <translation>Code &amp;journal&#xa0;:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Numéro du compte</translation>
    </message>
    <message>
        <source>Journal code</source>
        <translation>Code journal</translation>
    </message>
    <message>
        <source>In QuickBooks, open Settings &gt; Apps &gt; Connected apps and disconnect pleodesk from this company.</source>
        <translation>Dans QuickBooks, ouvrez Paramètres &gt; Applications &gt; Applications connectées et déconnectez pleodesk de cette entreprise.</translation>
    </message>
</context>
<context>
    <name>skips</name>
    <message>
        <source>personal spend is settled with the employee, not booked</source>
        <translation>les dépenses personnelles se règlent avec l’employé, non comptabilisées</translation>
    </message>
    <message>
        <source>wallet top-ups and unloads are not exported (setting)</source>
        <translation>les rechargements et retraits du wallet ne sont pas exportés (réglage)</translation>
    </message>
    <message>
        <source>nothing to book: every amount is zero</source>
        <translation>rien à comptabiliser : tous les montants sont nuls</translation>
    </message>
    <message>
        <source>nothing waiting for export</source>
        <translation>rien n’attend l’export</translation>
    </message>
    <message>
        <source>bank feed is off for this connection</source>
        <translation>le flux bancaire est désactivé pour cette connexion</translation>
    </message>
    <message>
        <source>this accounting system takes no bank feed</source>
        <translation>ce logiciel comptable n’accepte pas de flux bancaire</translation>
    </message>
    <message>
        <source>bank feed not available</source>
        <translation>flux bancaire indisponible</translation>
    </message>
    <message>
        <source>reimbursement paid outside Pleo</source>
        <translation>remboursement payé hors de Pleo</translation>
    </message>
    <message>
        <source>reimbursement not exported yet (its kind is not known)</source>
        <translation>remboursement pas encore exporté (son type n’est pas encore connu)</translation>
    </message>
    <message>
        <source>not in the wallet currency</source>
        <translation>pas dans la devise du wallet</translation>
    </message>
    <message>
        <source>connection deactivated</source>
        <translation>connexion désactivée</translation>
    </message>
    <message>
        <source>connection disconnected: reconnect it</source>
        <translation>connexion interrompue : reconnectez-la</translation>
    </message>
    <message>
        <source>Lexware Office does not take reimbursements (Privatauslagen): book it by hand</source>
        <translation>Lexware Office ne prend pas les remboursements (Privatauslagen) : comptabilisez-le vous-même</translation>
    </message>
    <message>
        <source>wallet top-ups and unloads are added by hand in Lexware Office</source>
        <translation>les rechargements et retraits du portefeuille se saisissent à la main dans Lexware Office</translation>
    </message>
    <message>
        <source>invoice payments are added by hand in Lexware Office and matched to their invoice (the bank feed does not carry them)</source>
        <translation>les paiements de factures se saisissent à la main dans Lexware Office et se rapprochent de leur facture (le flux bancaire ne les contient pas)</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The pleodesk database {path} is damaged (it is not a readable database), so pleodesk changed nothing. Restore the file from a backup, or move it away to start afresh (then set up the connections again).</source>
        <translation>La base de données de pleodesk {path} est endommagée (ce n&apos;est pas une base de données lisible) ; pleodesk n&apos;a donc rien modifié. Restaurez le fichier depuis une sauvegarde, ou déplacez-le pour repartir de zéro (puis configurez à nouveau les connexions).</translation>
    </message>
    <message>
        <source>This data was written by a newer pleodesk (database schema {revision}). Update pleodesk to open it; nothing was changed.</source>
        <translation>Ces données ont été écrites par une version plus récente de pleodesk (schéma de base de données {revision}). Mettez pleodesk à jour pour les ouvrir ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>pleodesk cannot write to its data folder {folder}: it is read-only for this user. Make it writable (or set PLEODESK_HOME to a folder that is) and try again; nothing was changed.</source>
        <translation>pleodesk ne peut pas écrire dans son dossier de données {folder} : il est en lecture seule pour cet utilisateur. Rendez-le accessible en écriture (ou faites pointer PLEODESK_HOME vers un dossier qui l&apos;est) et réessayez ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>pleodesk could not write to its data folder {folder}: the disk is full (or failing). Free some space and try again; what was saved before is intact.</source>
        <translation>pleodesk n&apos;a pas pu écrire dans son dossier de données {folder} : le disque est plein (ou défaillant). Libérez de l&apos;espace et réessayez ; ce qui avait été enregistré reste intact.</translation>
    </message>
</context>
<context>
    <name>systems</name>
    <message>
        <source>ledger account</source>
        <translation>compte comptable</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>code TVA</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>axe analytique</translation>
    </message>
    <message>
        <source>dimensions</source>
        <translation>axes analytiques</translation>
    </message>
    <message>
        <source>Pleo wallet (the Pleo bank account)</source>
        <translation>Wallet Pleo (le compte bancaire Pleo)</translation>
    </message>
    <message>
        <source>Out-of-pocket expenses owed to employees</source>
        <translation>Frais avancés dus aux salariés</translation>
    </message>
    <message>
        <source>Reimbursements paid outside Pleo</source>
        <translation>Remboursements payés hors de Pleo</translation>
    </message>
    <message>
        <source>Accounts payable (vendor bills)</source>
        <translation>Fournisseurs (factures d’achat)</translation>
    </message>
    <message>
        <source>Choose the accounts Pleo&apos;s money moves through. Only the Pleo wallet is required.</source>
        <translation>Choisissez les comptes par lesquels transite l’argent de Pleo. Seul le wallet Pleo est obligatoire.</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <source>The demo company could not be started: {error}</source>
        <translation>La société de démonstration n’a pas pu démarrer : {error}</translation>
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
        <translation>Connectée</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnectée</translation>
    </message>
    <message>
        <source>Setup not finished</source>
        <translation>Configuration inachevée</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Rattrapage</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>Export queue job</source>
        <translation>Tâche de la file d’export</translation>
    </message>
    <message>
        <source>Export a month</source>
        <translation>Exporter un mois</translation>
    </message>
    <message>
        <source>Export queue</source>
        <translation>File d’export</translation>
    </message>
    <message>
        <source>Bank feed</source>
        <translation>Flux bancaire</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Synchronisation planifiée</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Connection check</source>
        <translation>Vérification de la connexion</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Terminé, avec des problèmes</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorée</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporté(s)</translation>
    </message>
    <message>
        <source>already in the ledger</source>
        <translation>déjà en comptabilité</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignorée(s)</translation>
    </message>
    <message>
        <source>held</source>
        <translation>retenue(s)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>receipt problems</source>
        <translation>problème(s) de justificatif</translation>
    </message>
    <message>
        <source>sent to the feed</source>
        <translation>envoyée(s) au flux</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>doublon(s)</translation>
    </message>
    <message>
        <source>already sent</source>
        <translation>déjà envoyée(s)</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>au total</translation>
    </message>
    <message>
        <source>with a VAT rounding line</source>
        <translation>avec une ligne d’arrondi de TVA</translation>
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
        <translation>Des « Spend money » sur un compte bancaire Pleo dans Xero (des bills pour les frais avancés si vous préférez), justificatifs joints ; les groupes d’étiquettes Pleo comme catégories de suivi.</translation>
    </message>
    <message>
        <source>Xero account</source>
        <translation>compte Xero</translation>
    </message>
    <message>
        <source>Xero tax rate</source>
        <translation>taux de TVA Xero</translation>
    </message>
    <message>
        <source>tracking category</source>
        <translation>catégorie de suivi</translation>
    </message>
    <message>
        <source>tracking categories</source>
        <translation>catégories de suivi</translation>
    </message>
    <message>
        <source>Pleo bank account in Xero</source>
        <translation>Compte bancaire Pleo dans Xero</translation>
    </message>
    <message>
        <source>Out-of-pocket bank account in Xero</source>
        <translation>Compte bancaire des frais avancés dans Xero</translation>
    </message>
    <message>
        <source>Bank account reimbursements are paid from</source>
        <translation>Compte bancaire d’où sont payés les remboursements</translation>
    </message>
    <message>
        <source>Accounts payable (for Pleo invoices, booked as bills)</source>
        <translation>Fournisseurs (pour les factures payées via Pleo, comptabilisées en bills)</translation>
    </message>
    <message>
        <source>In Xero these are under Accounting &gt; Chart of accounts. The Pleo wallet and out-of-pocket accounts must be bank accounts: pleodesk created PLEOBANK and PLEOPOCKET for you where Xero allowed it.</source>
        <translation>Dans Xero, ils se trouvent sous Accounting &gt; Chart of accounts. Les comptes du wallet Pleo et des frais avancés doivent être des comptes bancaires : pleodesk a créé PLEOBANK et PLEOPOCKET pour vous là où Xero l’a permis.</translation>
    </message>
    <message>
        <source>Spend money on the out-of-pocket bank account</source>
        <translation>Un « Spend money » sur le compte bancaire des frais avancés</translation>
    </message>
    <message>
        <source>A bill to the employee</source>
        <translation>Une bill (facture d’achat) au nom du salarié</translation>
    </message>
    <message>
        <source>Xero did not let pleodesk create these accounts in {organisation}, so this is one step by hand:</source>
        <translation>Xero n’a pas laissé pleodesk créer ces comptes dans {organisation} ; il reste donc une étape à faire vous-même :</translation>
    </message>
    <message>
        <source>Xero does not let apps add bank accounts to a US organisation.</source>
        <translation>Xero ne permet pas aux applications d’ajouter des comptes bancaires à une organisation américaine.</translation>
    </message>
    <message>
        <source>The organisation cannot use {currency} yet: add it in Xero under Settings &gt; Currencies (it needs a Xero plan with multiple currencies).</source>
        <translation>L’organisation ne peut pas encore utiliser {currency} : ajoutez la devise dans Xero sous Settings &gt; Currencies (il faut un abonnement Xero multidevise).</translation>
    </message>
    <message>
        <source>• The Pleo bank account: in Xero, add a bank account in {currency} (Accounting &gt; Chart of accounts &gt; Add Bank Account), for example named &quot;Pleo Account&quot;.</source>
        <translation>• Le compte bancaire Pleo : dans Xero, ajoutez un compte bancaire en {currency} (Accounting &gt; Chart of accounts &gt; Add Bank Account), par exemple nommé « Pleo Account ».</translation>
    </message>
    <message>
        <source>• The out-of-pocket account: add another bank account in {currency}, for example named &quot;Pleo out-of-pocket&quot; (or book out-of-pocket expenses as bills to the employee, on the page Export options).</source>
        <translation>• Le compte des frais avancés : ajoutez un autre compte bancaire en {currency}, par exemple nommé « Pleo out-of-pocket » (ou comptabilisez les frais avancés comme factures au salarié, sur la page Options d’export).</translation>
    </message>
    <message>
        <source>• The account for expenses without a category: add an expense account, for example named &quot;Pleo expenses without category&quot;.</source>
        <translation>• Le compte des dépenses sans catégorie : ajoutez un compte de charges, par exemple nommé « Pleo expenses without category ».</translation>
    </message>
    <message>
        <source>Then press Read the chart again and choose them below. An existing bank account in {currency} can be chosen as well.</source>
        <translation>Cliquez ensuite sur Relire le plan comptable et choisissez-les ci-dessous. Vous pouvez aussi choisir un compte bancaire existant en {currency}.</translation>
    </message>
    <message>
        <source>Xero lets only approved banking partners send bank feeds, so pleodesk writes the statement lines to files (OFX and CSV) in {folder}. In Xero, open the Pleo bank account ({account}), choose Import a statement and pick the newest file; lines imported before are skipped.</source>
        <translation>Xero ne permet qu&apos;aux partenaires bancaires agréés d&apos;envoyer des flux bancaires : pleodesk écrit donc les lignes de relevé dans des fichiers (OFX et CSV) dans {folder}. Dans Xero, ouvrez le compte bancaire Pleo ({account}), choisissez Import a statement et sélectionnez le fichier le plus récent ; les lignes déjà importées sont ignorées.</translation>
    </message>
    <message>
        <source>In Xero, open Settings &gt; Connected apps and disconnect pleodesk from this organisation.</source>
        <translation>Dans Xero, ouvrez Settings &gt; Connected apps et déconnectez pleodesk de cette organisation.</translation>
    </message>
</context>
</TS>
