import { z } from "zod";
import { linearProblem } from "./linear-regex.js";
import { RULE_IDS } from "./rule-ids.js";

/**
 * Whole-token name patterns (regular-expression sources, matched case-insensitively against each
 * token of an email local part or nickname, and against the whole local part). Whole tokens keep
 * "Abbot" from matching `bot`; people called Jenkins are handled by damping, not by the pattern.
 * A product's name of two words matches however they are joined (`blue-prism`, "Blue Prism").
 */
export const DEFAULT_NAME_PATTERNS: readonly string[] = [
  "bots?\\d*",
  "(slack|jira|teams|chat|git|ops|mail)[-_. ]?bots?",
  "robot",
  "jenkins",
  "ci",
  "cicd",
  "svc",
  "service",
  "srv",
  "automations?",
  "automat(e|ed|or)",
  "integrations?",
  "no[-_. ]?reply",
  "do[-_. ]?not[-_. ]?reply",
  "builds?",
  "builder",
  "deploy(er|ment|ments)?",
  "release",
  "api",
  "sync",
  "scripts?",
  "cron",
  "scheduler",
  // BMC's scheduler, Control-M ("Ordonnanceur Control-M"; not the French scheduler's word alone,
  // a production planner's job title).
  "control[-_. ]?m",
  // A job's schedule for its name ("nightly2"); not daily or weekly, which name a person's own
  // reports too, nor hourly, a pay class ("Maria Lopez (Hourly)").
  "nightly",
  "monitor(ing)?",
  "uptime",
  "health[-_. ]?checks?",
  "heartbeat",
  "watchdog",
  "synthetics?",
  "canary",
  "probes?",
  "alert(s|ing)?",
  "bamboo",
  "teamcity",
  "argo[-_. ]?cd",
  "circle[-_. ]?ci",
  "buildkite",
  "spinnaker",
  "octopus",
  "bitbucket",
  "terraform",
  "ansible",
  "sonar[-_. ]?(qube|cloud)",
  "snyk",
  "renovate",
  "dependabot",
  "nagios",
  "zabbix",
  "grafana",
  "datadog",
  "new[-_. ]?relic",
  "pagerduty",
  "opsgenie",
  "splunk",
  "uipath",
  "blue[-_. ]?prism",
  "digital[-._ ]?workers?",
  // An RPA robot's persona as a digital co-worker in other languages ("Digital medarbeider 3",
  // "Digitale Mitarbeiterin", "Colaborador Digital 2", "Collaborateur numérique").
  "digital[-._ ]?(medarbeider|medarbejder|medarbetare|kollega)e?",
  "digital(e[rn]?)?[-._ ]?(mitarbeiter(in)?|kollegin|kollege|medewerker|collega)",
  "(colaborador|trabajador|empleado|trabalhador|funcion[aá]rio)[-._ ]?digital",
  "(collaborateur|collaboratrice|employ[ée]e?)[-._ ]?num[ée]rique",
  // Robots and digital workers in other languages ("Roboten Rolf", "Robotti Reijo", "Softwareroboter 4",
  // "Aino (digityöntekijä)", "Dijital Asistan 2").
  "robo(ten|tti|tten)",
  // A robot in Portuguese ("Robô Conciliação"; not a bare "Robo", a Slovak given name), and
  // Japanese RPA suites (NTT's WinActor, BizRobo!, RoboPat).
  "robô",
  "winactor",
  "bizrobo",
  "robopat",
  "ロボパット",
  // A robot in Swahili and an automatic job in Afrikaans ("Roboti ya Ripoti", "Outomatiese Verslag").
  "roboti",
  // A robot persona's surname in Polish ("Ewa Robotyczna", robotic).
  "robotyczn(a|y|e|i)",
  "outomatiese?",
  // Test users and the placeholder names testers give them in the Nordic languages and in German
  // ("Testbruger 1", "Test Testsson", "Testi Testinen"; not Mustermann or Meikäläinen, surnames too).
  "test(bruger|bruker|anvandare|ikayttaja|user)",
  "testsson",
  "testinen",
  "software[-._ ]?robot(er)?",
  "digi[-._ ]?ty(o|ö)ntekij(a|ä)",
  "dijital[-._ ]?asistan",
  "rpa",
  // A robot and a machine's unit number in Japanese ("山田 ロボ子", a WinActor robot's persona;
  // "経理ロボ-2"; "ロボ 太郎", a robot given a person's name in kanji; not inside a name in
  // katakana, ロボス for Lobos; "HILベンチ2号機", a test bench), and a hardware-in-the-loop rig's
  // maker and model ("dSPACE SCALEXIO #4").
  "ロ(?:ボ|ホ\\u3099?)(?:ット|子|[-_ ]?\\d*$|\\s*[\\u4e00-\\u9fff])",
  // Automation in Japanese katakana and romaji ("ジドウカ ユーザー01" at `jidouka01@`), and the
  // robot persona Robo Taro ("ロボ太郎" at `robotaro@`).
  "ジドウカ",
  "jidou?ka",
  "robotarou?",
  "\\d*号機",
  // A bot and a robot in Korean and Chinese ("Jira 알림봇", "로봇 1호", "巡检机器人"; 봇 is no syllable of
  // a Korean name), also with the Hangul syllable decomposed as a name's letters are compared.
  "봇|\\u1107\\u1169\\u11ba",
  "机器人|機器人",
  "dspace",
  "scalexio",
  "e2e",
  // Automated tests' runners, as teams that write "autotests" name them ("Autotests PayQuay" at
  // `autotest.payq-prod@`, "Автотести CRM").
  "auto[-_. ]?tests?",
  "автотест(?:и|ы)?",
  "selenium",
  "playwright",
  "puppeteer",
  "cypress",
  "crawler",
  "scraper",
  "reporter",
  "exporter",
  "exports?",
  "runners?",
  "relays?",
  "extract(s|or)?",
  "power[-_. ]?bi",
  "power[-_. ]?automate",
  // Azure's Logic Apps, Power Automate's engine ("Logic App HMS-varsling 9").
  "logic[-_. ]?apps?",
  // A lab's instruments that upload their runs ("Espectrómetro de Masas", `cromatografo.hplc@`,
  // "Microscopio Confocal", "Sequencer NovaSeq 2"), in English, Portuguese, Spanish, French and German.
  "(e?spectr|spektr)(o|ó|ô)?(meter|metro|mètre|ometer)s?",
  "(cromat(o|ó)grafo|chromatogra(ph|f|phe))s?",
  "micro(sc|sk)(o|ó)p(e|io|ios|es)?",
  "(sequencer|sequenciador|secuenciador|s(é|e)quenceur|sequenzierer)s?",
  "(cytometer|cit(o|ó)metro|cytom(è|e)tre|zytometer)s?",
  "hplc",
  "equipamento",
  // A notifier in Portuguese and Spanish ("Notificador HPC").
  "notificad(or|ora|ores)",
  "importer",
  "migrat(e|or|ors|ion|ions)",
  // A migration tool's name for where it moves things ("backlog2jira", "mail2jira", "jira2slack").
  "[a-z]+2(jira|confluence|slack|teams)",
  "jira2[a-z]+",
  // Azure DevOps, a CI/CD suite ("Azure DevOps Pipelines" at `azdo-pipelines@`).
  "azure[-_. ]?devops",
  "azdo",
  // A hardware-in-the-loop or end-of-line test bench, in English, Korean and Japanese
  // ("testbench-osa-1", "EOL 검사기 8", "検査機 3").
  "test[-_. ]?bench(es)?",
  "검사기|시험기|検査機|試験機",
  // A migration's or a move's job in the Nordic languages ("Migrering 2024", "Jira-siirto", "Sagsflytning 2023").
  "migrering",
  "integr(asjon|aatio)(er|t)?",
  "tuonti",
  "arkiv(ering|udtraek|uttrekk|uttag|leverans)",
  "vienti",
  "migraatio",
  "siirto",
  "(arende|sags|saks)?flyt(t|ning|ting)",
  "github",
  "gitlab",
  // Version control and chat servers whose hooks sign in ("svn-hook", "Mattermost Hook"):
  // products, no one's name; a bare `svn` only with a hook's or a mirror's word after it, as it
  // is a person's initials too (`svn@` for Sreeja V. Nair, `svn.nilsson@`).
  "svn[-_. ]?(hooks?|commits?|mirror|sync)",
  "subversion",
  "mattermost",
  // Chat-ops bots that run as a chat server's user and file issues ("hubot-sre", "Errbot").
  "hubot",
  "errbot",
  // Chat suites of China and Korea whose bots post to Jira ("jira-dingtalk-v2", `feishu.assistant@`).
  "feishu",
  "dingtalk",
  "wecom",
  "kakaowork",
  "zapier",
  "workato",
  // Data-integration services that load into or out of Jira with an account's token ("Fivetran Connector").
  "fivetran",
  "airbyte",
  "matillion",
  "mulesoft",
  "exalate",
  "harness",
  "make[-_. ]?com",
  "n8n",
  "servicenow",
  "salesforce",
  "zendesk",
  "freshdesk",
  "freshservice",
  "hubspot",
  "snowflake",
  "dynatrace",
  "statuspage",
  "web[-_. ]?hooks?",
  "bridge",
  "connectors?",
  "notif(y|ier|ications?)",
  "etl",
  "loaders?",
  "uploaders?",
  "mailers?",
  "scanners?",
  "screenshot(s|ter|ters)?",
  "interfaces?",
  "schnittstellen?",
  // Spanish and Portuguese words with their accents or without, as a display name writes them and
  // a mailbox cannot ("Integração Magento (legado)" at `magento.legado@`, `integracao-sap@`).
  "sincroniza(dor|ci[oó]n|[cç][aã]o)",
  "automati(zaci[oó]n|za[cç][aã]o|sierung|sation)",
  "automa([cç][aã]o|ci[oó]n)",
  "integra([cç][aã]o|[cç][oõ]es|ci[oó]n|ciones)",
  // An integration in Italian, Dutch, Polish and Czech ("Integrazione Vecchia", "Integratie SAP",
  // "Integracja CRM", "Integrace HR").
  "integrazion(e|i)",
  "integratie(s)?",
  "integracj(a|e|i)",
  "integrace",
  // An integration and automation in Turkish, and automated in French ("GittiGidiyor Entegrasyon",
  // idle with its token; "QA Automatisé 01", a browser's end-to-end tests).
  "entegrasyon(u|lar[ıi])?",
  // An integration in Vietnamese ("Tích hợp eOffice", idle with its token).
  "t[ií]ch[-_. ]?h[ợo]p",
  // An integration, a migration, a synchronisation and a monthly or daily summary job in Indonesian
  // and Malay ("integrasi-sap-lama", "Migrasi Confluence Server", "Rekap Bulanan RSPO").
  "integrasi",
  "migrasi",
  "sinkronisasi",
  "rekap([-_. ]?(bulanan|harian|mingguan))?",
  "otomasyon(u)?",
  "automatis[eé]e?s?",
  // A migration's, an initial load's, an exporter's and an interface's accounts in Portuguese and
  // Spanish ("Migração Jira DC", "Carga Inicial Pensões", "Exportador Qlik v1", `interfaz.sise@`).
  "migra([cç][aã]o|[cç][oõ]es|ci[oó]n|ciones)",
  "carga[-_. ]?inicial",
  "exportador(es|as)?",
  "interfaz",
  "qlik",
  // French public bodies' names for the same: a connector, a gateway, an extraction, a batch, a
  // technical account, a virtual agent (a robot's persona), a refresh ("Chorus Pro Connecteur",
  // "Passerelle GLPI", "Extraction mensuelle DAF", "BATCH MVS", "compte technique GCOS", "Agent
  // virtuel 03", "Actualisation BI"), and the ETL suite that runs them (Talend; not Informatica,
  // IT's own name in Italian, Spanish and Portuguese, `informatica@`).
  "connecteurs?",
  "passerelles?",
  "extractions?",
  "batch(es)?",
  "comptes?[-_. ]?techniques?",
  "agents?[-_. ]?virtuels?",
  "actualisation",
  "talend",
  // A service account and a technical user in French and German, and a test automaton in German
  // ("Compte de service SharePoint Qualité", "Dienstkonto SAP", "Testautomat Validierung").
  "comptes?[-_. ]de[-_. ]services?",
  "(dienst|service)kont(o|en)",
  "technische[rn]?[-_. ]?(benutzer|user)",
  "test[-_. ]?automat(en|ion|ik)?",
  // A robot's noise for a no-code bot's name ("Beep Boop").
  "beep[-_. ]?boop",
  "system",
  "tech[-_. ]?users?",
  // A load test's pool of users ("Perf User 007", `loadtest_user_12@`, "Perftest 3").
  "perf[-_. ]?(test[-_. ]?)?users?",
  "load[-_. ]?test[-_. ]?users?",
  "(load|perf|stress)tests?",
  // Load-test tools whose virtual users sign in as the account ("k6-loadtest 07", "JMeter Runner");
  // not Gatling, a surname too. k6 only before a test's word: `k6023418@` is an employee's number.
  "k6[-_. ]?((load|perf|stress)[-_. ]?tests?|load|perf|stress|vus?|tests?|runner|scripts?)",
  "jmeter",
  "blaze[-_. ]?meter",
  "neoload",
  "load[-_. ]?runner",
  // The same in German, Spanish, Portuguese, Italian and French ("Lasttest-Benutzer 07", "Usuario
  // Prueba Carga 12", `teste.carga2@`, "Test di carico 3", "Utilisateur test de charge 07"), and a
  // pool named for its performance ("Performance User 011").
  "lasttests?([-_. ]?benutzer)?",
  "pruebas?[-_. ]?(de[-_. ]?)?carga",
  "testes?[-_. ]?(de[-_. ]?)?carga",
  "test[-_. ]?di[-_. ]?carico",
  "tests?[-_. ]?(de[-_. ]?)?charge",
  "performance[-_. ]?users?",
];

/**
 * Words of role mailboxes: addresses that belong to a team, not a person (regular-expression
 * sources). A local part matches only when every token is one of these words or a number, so
 * `helpdesk`, `it-ops` and `qa-team2` match and `sarah.support` does not. People share such
 * accounts, and scripts often run as them beside the people.
 */
export const DEFAULT_ROLE_MAILBOX_PATTERNS: readonly string[] = [
  "help",
  "helpdesk",
  "service-?desk",
  "support",
  "desk",
  "it",
  "ops",
  "operations",
  "devops",
  "qa",
  "test(ing|ers?)?",
  "uat",
  "demo",
  "sandbox",
  "training",
  "trainees?",
  "dummy",
  "users?",
  "kunden?",
  "clientes?",
  "dispatch",
  "shift-?leads?",
  "teams?",
  "group",
  "shared",
  "info",
  "contact",
  "office",
  "hr",
  "finance",
  "billing",
  "sales",
  "accounts",
  "security",
  "noc",
  "soc",
  "payroll",
  "accounting",
  "treasury",
  "tesouraria",
  "tesoreria",
  "tresorerie",
  "payments",
  "invoices?",
  "reports?",
  "reporting",
  "orders",
  "procurement",
  "purchasing",
  "marketing",
  "comms",
  "communications",
  "press",
  "media",
  "legal",
  "compliance",
  "privacy",
  "recruiting",
  "careers",
  "jobs",
  "facilities",
  "reception",
  "on-?call",
  "tier",
  // A support level ("desk.l2.apac", `servicedesk-l1@`).
  "l[1-3]",
  // A team that onboards merchants or staff (`onboarding@`).
  "onboarding",
  // Reports' mailboxes in Spanish, Portuguese, French and German (`reportes@`, `relatorios@`, `rapports@`, `berichte@`).
  "reportes",
  "relatorios",
  "rapports",
  "berichte",
  "hello",
  "feedback",
  "care",
  "customer-?(service|care|success)",
  "(it|guest|client|member|student|shared)-?services?",
  "partners",
  "vendors",
  "webmaster",
  "postmaster",
  "abuse",
  // The same teams in French, Spanish, Italian and German mailboxes.
  "equipe",
  "equipo",
  "squadra",
  "paie",
  "compta(bilite)?",
  "facturation",
  "achats",
  "ventes",
  "accueil",
  "soporte",
  "ayuda",
  "ventas",
  "compras",
  "contabilidad",
  "nominas?",
  "assistenza",
  "vendite",
  "acquisti",
  "contabilita",
  "buchhaltung",
  "lohn",
  "einkauf",
  "vertrieb",
  "verkauf",
  "kundendienst",
  "kundenservice",
  // Customer service in Portuguese and Spanish (`atendimento.comercial@`, `apoio.cliente@`, `atencion.al.cliente@`).
  "atendimento",
  "apoio",
  "atencion",
  // Front offices and shared desks, in several languages ("recepcion.mty", "biuro.waw", 客服 "kefu").
  "recepcion",
  "recepcao",
  "empfang",
  "zentrale",
  "centralita",
  "switchboard",
  "front[-._]?desk",
  "biuro",
  "sekretariat",
  "secretariat",
  "secretaria",
  "secretariaat",
  "segreteria",
  "recepcja",
  "receptie",
  "recepce",
  "centralino",
  "kefu",
  "projects",
  "logistics",
  // A public body's desks and services, in English and French ("permis@", "greffe@", "info-bibliotheque@").
  "permis",
  "permits?",
  "licen[cs]ing",
  "greffe",
  "elections?",
  "by-?laws?",
  "reglements?",
  "plaintes",
  "complaints",
  "inscriptions?",
  "registrations?",
  "loisirs",
  "recreation",
  "bibliotheques?",
  "library",
  "repartition",
  "travaux",
  "public-?works",
  "urbanisme",
  "planning",
  "inspections?",
  "quartier",
  "bookings?",
  "reservations?",
  "admissions",
  "enquiries",
  "inquiries",
  "bids",
  "grants",
  "courriel",
  "travaux-?publics",
  "mediatheque",
  "etat",
  "civil",
  "biblioteca",
  "urbanismo",
  "licencias",
  "standesamt",
  "b(ue|u)rgerb(ue|u)ro",
  "subventions",
  "vergunningen",
  // A plant's maintenance desk and shift leads ("wartung.de01@", "shiftincharge.pun@").
  "wartung",
  "instandhaltung",
  "shift-?incharge",
  // IT operations in one word (`itops@`).
  "itops",
  // A French service's IT assistance and application support (`assistance-informatique@`,
  // `support-applicatif@`; not BAL, boîte aux lettres, a Nepali given name too).
  "assistance",
  "informatique",
  "applicatif",
  "rezeption",
  "servizio(-?clienti)?",
  "clienti",
  "atencion",
  // A bank's and an insurer's operations desks ("settlements.ldn@", "kyc-onboarding@", "tradesupport.ny@").
  "settlements?",
  "onboarding",
  "kyc",
  "aml",
  "trade[-._]?support",
  "corporate[-._]?actions",
  "(middle|back)[-._]?office",
  "custody",
  "collateral",
  "lending",
  "loans",
  "mortgages?",
  "claims",
  // Registries, service desks and the other team mailboxes of agencies and companies in the Nordic,
  // Polish, Czech and Turkish languages ("kirjaamo@", "registrator@", "postmottak@", "kundtjanst@",
  // "it-tuki@", "reklamacje@"), and in Japanese, Korean and Vietnamese written in
  // Latin letters ("soumu@", "uketsuke@", "muahang@").
  "kirjaamo",
  "registrat(or|ur)",
  "registry",
  "postmottak(et)?",
  "postmodtagelse(n)?",
  "asiakaspalvelu",
  "kundtjanst(en)?",
  "kunde(service|senter)",
  "kundservice",
  "neuvonta",
  "rekrytointi",
  "rekryter(ing)?",
  "rekruttering",
  "hankinta",
  "hankinnat",
  "inkop",
  "innkjop",
  "indkob",
  "fakturor",
  "fakturaer",
  "faktura",
  "fakturering",
  "laskutus",
  "tuki",
  "hjelp",
  "hjalp",
  "tietopyynnot",
  "kaannospalvelut",
  "oversettelse",
  "oversaettelse",
  "oversattning",
  "dataskydd(sombud)?",
  "personvernombud",
  "tietosuoja(vastaava)?",
  "synpunkter",
  "klagomal",
  "klager",
  "palaute",
  "drifts?(central|center|centre|senter)(en|et)?",
  "brukerstotte",
  "innsyn(skrav)?",
  "tilbakemelding(er)?",
  "borgerservice",
  "kommunika(tion|sjon)",
  "viestinta",
  "servicekontor(et)?",
  "arkisto",
  "arkiv(et)?",
  "reklamac(je|e)",
  "zakupy",
  "ksiegowosc",
  "podatelna",
  "satinalma",
  "muhasebe",
  "soumu",
  "kobai",
  "koubai",
  "uketsuke",
  "madoguchi",
  "jinji",
  "keiri",
  "purchases?",
  // A penetration test's accounts (`pentest01@`, `redteam.user@`).
  "pen-?test(ing)?",
  "redteam",
  "muahang",
  "ketoan",
  "nhansu",
  // A claims desk's in other languages, and an intake's or an escalations' desk ("schadenmeldung@", "siniestros@", "claims-intake@").
  "schaden(meldung|service|abteilung)",
  "vertragsservice",
  "siniestros",
  "sinistr(es|i|os)",
  "intake",
  "escalations?",
  "underwriting",
  "reconciliations?",
  // Desks named for what they keep or route ("tech.records@", "traffic@", "newbusiness@", "bedbureau@"),
  // and a firm's back office: its docket, its post and its secretaries' pool ("docketing.chi@",
  // "mailroom.ny@", "postroom@", "ediscovery.requests@").
  "records",
  "docketing",
  "mail-?room",
  "post-?room",
  "secretarial",
  "e-?discovery",
  "requests",
  "traffic",
  "new[-._]?business",
  "bed[-._]?bureau",
  // A control room's and a shared desk's mailbox, its words run together ("control.room@", "stormdesk@", "newsdesk@").
  "control[-._]?room",
  "(storm|news|duty|ops|outage|incident|travel|cash|trade|ticket|booking|info|welcome|print|data)desk",
  // A shop's by its number ("loja.0402@", "tienda-242@", "store17@").
  "(loja|tienda|sucursal|store|shop|filial|negozio|winkel|magasin)[-._]?\\d{2,}",
  // A reception, customer support, purchasing, ledgers and recruiting in Finnish and Estonian; public
  // relations and customer service in Indonesian and Malay; a ledger's and a community's desks in
  // English ("Vastaanotto Tallinn", "Klienditugi", "Ostureskontra" at `ostot@`, "Rekry / Recruiting",
  // "Humas", "Layanan Nasabah", "Debtors", "Discord Mods" at `community@`).
  "vastaanotto",
  "infolett",
  "klienditugi",
  "ostot",
  "(osto|myynti)reskontra",
  "rekry(tointi)?",
  "humas",
  "layanan([-._]?nasabah)?",
  "debtors",
  "creditors",
  "community",
  "playtest(ing)?",
  "pelitestaus",
  // Customer support and returns in Czech, Slovak and Polish, an ombudsman's office and collections
  // in Portuguese, and an on-call standby's in Portuguese ("Zákaznícka podpora" at `podpora18@`,
  // "Zwroty i reklamacje" at `zwroty36@`, "Ouvidoria", "Cobrança" at `cobranca@`, "Sobreaviso
  // Sistemas Core" at `sobreaviso@`; not `plantao`, Plantão a surname too).
  "podpora",
  "zwroty",
  "ouvidoria",
  "cobranca",
  "sobreaviso",
];

/** User agents of HTTP libraries, CI servers and headless browsers (regular-expression sources). */
export const DEFAULT_AUTOMATION_USER_AGENTS: readonly string[] = [
  "python-requests",
  "python-urllib",
  "aiohttp",
  "python-httpx",
  "\\bcurl/",
  "\\bwget/",
  "jenkins",
  "go-http-client",
  "axios/",
  "node-fetch",
  "undici",
  "okhttp",
  "apache-httpclient",
  "^java/",
  "java-http-client",
  "restsharp",
  "libwww-perl",
  "^ruby",
  "faraday",
  "powershell",
  // Office macros' and scripts' Windows HTTP object (`WinHttp.WinHttpRequest.5`), which no browser is.
  "winhttp",
  "headlesschrome",
  "phantomjs",
  "selenium",
  "terraform",
  "ansible",
  // Load-test tools, whose virtual users sign in through the web UI by the hundred.
  "gatling",
  "jmeter",
  "\\bk6/",
  "artillery",
  "apachebench",
  "blazemeter",
  "neoload",
  "loadrunner",
  "locust/",
  // Robotic-process-automation clients.
  "uipath",
  "uirobot",
  "automation ?anywhere",
  "blue ?prism",
  "roboserver",
  "pega robotic",
  "power ?automate",
  // Power Automate's and Logic Apps' HTTP calls (`azure-logic-apps/1.0 (workflow …; version …)`)
  // and Zapier's, which sends its name alone.
  "azure-logic-apps",
  "^zapier",
];

/** The prefixes `a.from.` to `a.to.`: the /16 blocks of a provider's range within the /8 block `a`. */
function range(a: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${a}.${from + i}.`);
}

/**
 * Address prefixes of large cloud providers (AWS, Google Cloud, Azure), IPv4 and IPv6 (AWS
 * 2600:1f00::/24, 2a05:d000::/25, 2406:da00::/24; Google Cloud 2600:1900::/28; Azure
 * 2603:1000::/24), matched on the address as `addressOf` reads it (lower case, no port, an IPv4
 * address mapped into IPv6 as itself). Besides whole blocks, text prefixes that take in the
 * providers' large ranges within a block others share, /16 by /16: Azure's 51.104-145 in Europe,
 * 104.40-47, 137.116-117, 168.61-63, 23.96-103 and 191.232-239 in
 * Brazil; AWS's 44.192/10. Deliberately coarse: the signal is weak and only says "this login did
 * not come from a home or office line".
 */
export const DEFAULT_DATACENTER_IP_PREFIXES: readonly string[] = [
  "3.",
  "13.",
  "18.",
  "20.",
  "34.",
  "35.",
  "40.",
  "52.",
  "54.",
  ...range("51", 104, 145),
  ...range("44", 192, 255),
  ...range("104", 40, 47),
  ...range("137", 116, 117),
  ...range("168", 61, 63),
  ...range("23", 96, 103),
  ...range("191", 232, 239),
  "2600:1f",
  "2a05:d0",
  "2406:da",
  "2600:190",
  "2603:10",
];

/**
 * A list of regular-expression sources. Each must compile, and on RE2's linear-time engine too,
 * because configured patterns run there: a pattern runs against every account name, and on a
 * backtracking engine one such as `(a|a)*$` or `(a+)+$` could hang the audit. The sources are joined
 * into one expression by `|`, so two patterns may not name the same group and back-references
 * (whose numbers would shift) are refused. Problems are reported by index.
 */
function regexSourceList(defaults: readonly string[]) {
  return z
    .array(z.string().min(1))
    .superRefine((sources, ctx) => {
      const groupOwner = new Map<string, number>();
      sources.forEach((source, index) => {
        const issue = (message: string) => ctx.addIssue({ code: "custom", path: [index], message: `pattern #${index} (${JSON.stringify(source)}) ${message}` });
        try {
          new RegExp(source, "i");
        } catch (error) {
          issue(`is not a valid regular expression: ${(error as Error).message}`);
          return;
        }
        if (/\\(?:[1-9]|k<)/.test(source.replace(/\\\\/g, ""))) {
          issue("uses a back-reference, which cannot be combined with the other patterns; rewrite it without one");
          return;
        }
        const linear = linearProblem(source);
        if (linear !== null) {
          issue(`cannot run on the linear-time matcher that runs configured patterns (it has no look-ahead, look-behind or back-references): ${linear}`);
          return;
        }
        for (const [, name] of source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)) {
          const owner = groupOwner.get(name as string);
          if (owner !== undefined && owner !== index) {
            ctx.addIssue({ code: "custom", path: [index], message: `patterns #${owner} and #${index} both name a group "${name}"; group names must be unique across the list` });
          } else {
            groupOwner.set(name as string, index);
          }
        }
      });
    })
    .default([...defaults]);
}

const thresholdsSchema = z
  .object({
    /** Score at or above which an account is a `bot`. */
    botScore: z.number().default(6),
    /** Score at or above which an account is a `likely-bot`. */
    likelyBotScore: z.number().default(3),
    /** A token used within this many days is "used recently". */
    recentDays: z.number().positive().default(7),
    /** UI activity older than this many days (or never) is "old" for channel divergence. */
    staleUiDays: z.number().positive().default(30),
    /** UI activity that stopped this many days ago looks like a person who left. */
    departedDays: z.number().positive().default(90),
    /** This many groups or more amplify risk. */
    manyGroups: z.number().int().positive().default(10),
    /** A token expiring within this many days of the reference time amplifies risk. */
    tokenExpiryDays: z.number().positive().default(30),
    /** Fewest `user_login` events before login timing is judged at all. */
    minLogins: z.number().int().min(2).default(6),
    /** Fewest logins at the same time of day (on different days) that make a login schedule. */
    minScheduledLogins: z.number().int().min(2).default(4),
    /**
     * Smallest share of the account's sign-in days that a login schedule must recur on: among
     * many sign-ins, a few line up at one time of day by chance.
     */
    minScheduledDayShare: z.number().min(0).max(1).default(0.25),
    /** How close in time of day (minutes) logins must be to belong to one schedule. */
    scheduleWindowMinutes: z.number().int().min(1).max(720).default(5),
    /**
     * Fixed times of day: sign-ins within `dailySlotWindowMinutes` of one time of day on at least
     * `minDailySlotDays` days and `dailySlotDayShare` of the account's sign-in days make a slot;
     * two slots or more that hold `dailySlotSittingShare` of its sign-ins are a robot's timetable.
     */
    dailySlotWindowMinutes: z.number().int().min(1).max(720).default(15),
    minDailySlotDays: z.number().int().min(2).default(5),
    dailySlotDayShare: z.number().min(0).max(1).default(0.5),
    dailySlotSittingShare: z.number().min(0).max(1).default(0.8),
    /**
     * ...and at least `minDailySlotDays` events of work (not sign-ins or OTP challenges), of which
     * this share follows a sign-in within `dailySlotWindowMinutes`: the robot's sitting is a minute
     * of steps, while a person who must sign in at shift start and after lunch works for hours.
     */
    dailySlotWorkShare: z.number().min(0).max(1).default(0.9),
    /** Logins spread over at least this many distinct hours of the day are "round the clock". */
    roundTheClockHours: z.number().int().min(1).max(24).default(18),
    /** Login intervals whose coefficient of variation is at most this are a "fixed cadence". */
    maxCadenceCv: z.number().nonnegative().default(0.2),
    /**
     * Logins it takes to hold a cadence to `maxCadenceCv` itself: with fewer, the limit shrinks in
     * proportion to the intervals, as a handful of a person's logins can look regular by chance.
     */
    fullCadenceLogins: z.number().int().min(2).default(11),
    /** ...or at least this many logins within 3 hours of the previous one (most of them) at such a cadence: a timer in working hours. */
    minSessionCadenceLogins: z.number().int().positive().default(10),
    /**
     * At least this many gaps under 3 hours between moments of activity, most of them on one beat
     * (within 15% of their median, `minActivityBeatShare`), and most of the account's gaps: a timer
     * drives the account, in working hours or round the clock.
     */
    minActivityCadenceGaps: z.number().int().positive().default(20),
    minActivityBeatShare: z.number().min(0).max(1).default(0.6),
    /** ...with a beat of at most this many minutes: a timer ticks often; a person's routine a few hours apart is no timer. */
    maxActivityBeatMinutes: z.number().positive().default(65),
    /** Coefficient of variation of those in-session intervals at most this: looser than `maxCadenceCv`, as lost events double an interval. */
    maxSessionCadenceCv: z.number().nonnegative().default(0.6),
    /**
     * ...and either at most this coefficient of variation, or a median absolute deviation of the
     * in-session intervals of at most `maxSessionGapSpread` of their median: a timer's intervals
     * repeat exactly where lost runs double a few; a person who signs in again after each short
     * sitting, a lab analyst at a validated PC, spreads them (a coefficient of 0.3 to 0.5).
     */
    steadySessionCadenceCv: z.number().nonnegative().default(0.3),
    maxSessionGapSpread: z.number().nonnegative().default(0.15),
    /** Email OTP challenges per active day at or above this, and at least `minOtpFlood` in all, are more than a person answers. */
    machineOtpPerDay: z.number().positive().default(5),
    minOtpFlood: z.number().int().positive().default(20),
    /** Logins per active day at or above this, and at least `minLoginFlood` in all, are more than a person makes. */
    machineLoginsPerDay: z.number().positive().default(8),
    minLoginFlood: z.number().int().positive().default(40),
    /** Silences of 13 hours or more on at least this share of active days: the account rests every day (a rota, not a job). */
    dailyRestShare: z.number().min(0).default(0.5),
    /** Business hours (local to `utcOffsetMinutes`), start inclusive, end exclusive. */
    businessHoursStart: z.number().int().min(0).max(23).default(7),
    businessHoursEnd: z.number().int().min(1).max(24).default(19),
    /** Offset of the org's main time zone from UTC, for business hours. */
    utcOffsetMinutes: z.number().int().min(-720).max(840).default(0),
    /** Fewest events of any kind before an account's activity timing is judged at all. */
    minActivityEvents: z.number().int().min(2).default(12),
    /** Fewest distinct days with activity before its timing is judged. */
    minActivityDays: z.number().int().min(1).default(3),
    /** Activity with at least this share in its quietest 8 hours of the day runs round the clock. */
    roundTheClockShare: z.number().min(0).max(1).default(0.1),
    /** Activity with at most this share in its quietest 8 hours, and no weekend pattern, keeps working hours. */
    workingHoursQuietShare: z.number().min(0).max(1).default(0.03),
    /** Weekend coverage (share of Saturdays or Sundays active) at most this keeps a working week. */
    workingWeekMaxWeekend: z.number().min(0).max(1).default(0.35),
    /** Active on at least this share of the days of its span... */
    everyDayShare: z.number().min(0).max(1).default(0.6),
    /** ...and on at least this share of both Saturdays and Sundays: active every day. */
    everyDayWeekendShare: z.number().min(0).max(1).default(0.5),
    /** Bursts starting within 30 minutes of the same time of day on at least this many days... */
    minScheduleDays: z.number().int().min(2).default(6),
    /** ...and on at least this share of active days make an activity schedule. */
    scheduleShare: z.number().min(0).max(1).default(0.7),
    /**
     * Bursts per active day above which an account that rests at night needs `denseScheduleShare`
     * of its active days in one window for an activity schedule.
     */
    maxScheduleBurstsPerDay: z.number().positive().default(4),
    denseScheduleShare: z.number().min(0).max(1).default(0.9),
  })
  .strict()
  .refine((t) => t.likelyBotScore <= t.botScore, {
    message: "likelyBotScore must not be above botScore",
    path: ["likelyBotScore"],
  })
  .refine((t) => t.businessHoursStart < t.businessHoursEnd, {
    message: "businessHoursStart must be before businessHoursEnd",
    path: ["businessHoursStart"],
  });

/**
 * Detection settings (the `detection` block of bot2svc.config.json). Every threshold and weight
 * a rule uses lives here with its default, so an admin can tune detection on their own org.
 */
export const detectionConfigSchema = z
  .object({
    /** Action keys that count as an email one-time-passcode challenge (not publicly documented). */
    emailOtpActions: z.array(z.string().min(1)).default(["email_otp_sent", "user_email_otp_challenge"]),
    /**
     * When no event carries an `emailOtpActions` key, treat actions whose names say "otp" (not TOTP
     * or HOTP) as email-OTP challenges, and say so in the report. Off: such actions are only named.
     */
    inferEmailOtpActions: z.boolean().default(true),
    thresholds: thresholdsSchema.prefault({}),
    namePatterns: regexSourceList(DEFAULT_NAME_PATTERNS),
    roleMailboxPatterns: regexSourceList(DEFAULT_ROLE_MAILBOX_PATTERNS),
    automationUserAgents: regexSourceList(DEFAULT_AUTOMATION_USER_AGENTS),
    datacenterIpPrefixes: z.array(z.string().min(1)).default([...DEFAULT_DATACENTER_IP_PREFIXES]),
    /**
     * An account that people used in the UI within `staleUiDays` is at most `likely-bot`, however
     * high it scores: migrating it would take the account away from those people, so it is reviewed.
     */
    reviewWhileUiActive: z.boolean().default(true),
    /** Per-rule base weight overrides; a rule's scaled variants scale with it. */
    weights: z.partialRecord(z.enum(RULE_IDS), z.number()).default({}),
    /** Rules that never run. */
    disabledRules: z.array(z.enum(RULE_IDS)).default([]),
  })
  .strict();

export type DetectionConfig = z.infer<typeof detectionConfigSchema>;
export type DetectionThresholds = DetectionConfig["thresholds"];

export const listEntrySchema = z
  .object({
    accountId: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
    owner: z.string().min(1),
    reason: z.string().min(1),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((entry) => entry.accountId !== undefined || entry.email !== undefined, {
    message: "an entry needs an accountId or an email",
  });

export type ListEntry = z.infer<typeof listEntrySchema>;
