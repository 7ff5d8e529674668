/**
 * Word lists for the demo-org generator: names, titles, bot identities, network addresses and
 * user agents. They are plain data so the generator reads as a description of an org.
 */

export const FIRST_NAMES = [
  "Aisha", "Alex", "Alice", "Amelia", "Ana", "Andrei", "Anika", "Arjun", "Ava", "Ben", "Bianca", "Carlos",
  "Charlotte", "Chen", "Chloe", "Daniel", "David", "Diego", "Elena", "Eli", "Emma", "Ethan", "Fatima", "Felix",
  "Finn", "Freya", "Gabriel", "Grace", "Hana", "Hannah", "Harper", "Hiro", "Ines", "Isaac", "Isla", "Ivan",
  "Jack", "James", "Jana", "Javier", "Jin", "Jonas", "Julia", "Kai", "Karim", "Kate", "Kenji", "Laila",
  "Lars", "Laura", "Leo", "Liam", "Lily", "Lucas", "Lucia", "Maya", "Mateo", "Mei", "Mia", "Miguel",
  "Mohammed", "Nadia", "Naomi", "Nathan", "Nina", "Noah", "Olga", "Oliver", "Olivia", "Omar", "Oscar", "Priya",
  "Rafael", "Ravi", "Rosa", "Ruby", "Ryan", "Sakura", "Samuel", "Sara", "Sean", "Sofia", "Sophie", "Tariq",
  "Thomas", "Tom", "Valentina", "Victor", "Wei", "William", "Yara", "Yusuf", "Zara", "Zoe",
] as const;

export const LAST_NAMES = [
  "Adams", "Ahmed", "Andersen", "Bailey", "Baker", "Becker", "Bennett", "Brooks", "Brown", "Campbell", "Carter",
  "Chen", "Clarke", "Cohen", "Collins", "Cooper", "Costa", "Davies", "Diaz", "Dubois", "Edwards", "Evans",
  "Fischer", "Fernandes", "Garcia", "Gomez", "Gonzalez", "Green", "Hall", "Hansen", "Harris", "Hughes", "Ito",
  "Jackson", "Jansen", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Kumar", "Larsen", "Lee",
  "Lewis", "Lopez", "Martin", "Martinez", "Meyer", "Miller", "Moore", "Morgan", "Murphy", "Nakamura", "Nguyen",
  "Novak", "O'Brien", "Okafor", "Olsen", "Patel", "Perez", "Petrov", "Phillips", "Reed", "Roberts", "Rossi",
  "Santos", "Schmidt", "Silva", "Singh", "Smith", "Sousa", "Stewart", "Suzuki", "Tanaka", "Taylor", "Thomas",
  "Turner", "Walker", "Wang", "Ward", "Watson", "White", "Williams", "Wilson", "Wright", "Yamamoto", "Young",
  "Zhang",
] as const;

/**
 * Surnames that contain a bot-ish word (jenkins, bot, ci, svc, auto). People with these names use
 * the UI like anyone else; detection must not flag them on the name alone.
 */
export const TRAP_SURNAMES = [
  "Jenkins", "Abbot", "Bott", "Robotham", "Talbot", "Botha", "Abbott", "Jenkinson", "Botham", "Cibulski",
  "Autry", "Botello",
] as const;

export const DEPARTMENTS: readonly { name: string; slug: string; titles: readonly string[] }[] = [
  { name: "Engineering", slug: "engineering", titles: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "QA Engineer", "Site Reliability Engineer"] },
  { name: "Product", slug: "product", titles: ["Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher"] },
  { name: "Data", slug: "data", titles: ["Data Engineer", "Data Analyst", "Data Scientist", "Analytics Engineer"] },
  { name: "Sales", slug: "sales", titles: ["Account Executive", "Sales Manager", "Sales Development Representative"] },
  { name: "Marketing", slug: "marketing", titles: ["Marketing Manager", "Content Strategist", "Growth Marketer"] },
  { name: "Finance", slug: "finance", titles: ["Financial Analyst", "Accountant", "Financial Controller"] },
  { name: "People", slug: "people", titles: ["HR Business Partner", "Recruiter", "People Operations Specialist"] },
  { name: "Customer Success", slug: "customer-success", titles: ["Customer Success Manager", "Support Engineer", "Support Specialist"] },
  { name: "IT", slug: "it", titles: ["IT Administrator", "Systems Administrator", "Security Engineer"] },
  { name: "Legal", slug: "legal", titles: ["Legal Counsel", "Paralegal"] },
  { name: "Operations", slug: "operations", titles: ["Operations Manager", "Project Manager", "Business Analyst"] },
];

/** Bot identities whose name or mailbox gives them away: display name and mailbox local part. */
export const NAMED_BOTS: readonly { name: string; local: string }[] = [
  { name: "Jenkins CI", local: "jenkins" },
  { name: "CI Bot", local: "ci-bot" },
  { name: "svc-deploy", local: "svc-deploy" },
  { name: "Automation", local: "automation" },
  { name: "Integration Salesforce", local: "integration-salesforce" },
  { name: "No Reply", local: "noreply" },
  { name: "Jenkins Prod", local: "jenkins-prod" },
  { name: "Bamboo Build", local: "bamboo-build" },
  { name: "GitLab Sync", local: "integration-gitlab" },
  { name: "Backup Service", local: "svc-backup" },
  { name: "Monitoring", local: "svc-monitoring" },
  { name: "Release Bot", local: "release-bot" },
  { name: "Zapier Integration", local: "integration-zapier" },
  { name: "Tableau Extract", local: "svc-tableau" },
  { name: "Terraform", local: "terraform-bot" },
  { name: "Ops Automation", local: "ops-automation" },
  { name: "Confluence Export", local: "svc-confluence-export" },
  { name: "Build", local: "build" },
  { name: "Deploy", local: "deploy" },
  { name: "ServiceNow Integration", local: "integration-servicenow" },
];

/** Automation that hides behind a harmless, business-sounding name; only its behaviour tells. */
export const BEHAVIOUR_BOTS: readonly { name: string; local: string }[] = [
  { name: "Finance Exports", local: "finance-exports" },
  { name: "Weekly Report", local: "weekly-report" },
  { name: "Data Warehouse", local: "data-warehouse" },
  { name: "Sales Ops Reporting", local: "salesops-reporting" },
  { name: "Marketing Dashboard", local: "marketing-dashboard" },
  { name: "Payroll Sync", local: "payroll-sync" },
  { name: "Quarterly Metrics", local: "quarterly-metrics" },
  { name: "Customer Digest", local: "customer-digest" },
  { name: "Board Pack", local: "board-pack" },
  { name: "Capacity Planning", local: "capacity-planning" },
];

/** Role mailboxes that people share and scripts also use. */
export const SHARED_MAILBOXES: readonly { name: string; local: string }[] = [
  { name: "QA Team", local: "qa-team" },
  { name: "Support Desk", local: "support" },
  { name: "IT Operations", local: "it-ops" },
  { name: "Helpdesk", local: "helpdesk" },
];

export const APPS = [
  "Automation for Jira", "Slack", "Microsoft Teams", "GitHub for Jira", "Tempo Timesheets", "Zephyr Scale",
  "Jira Service Management Widget", "Opsgenie", "Draw.io", "ScriptRunner", "Xray", "Trello",
] as const;

export const SERVICE_ACCOUNT_NAMES = [
  "Deploy Service", "Reporting Service", "Backup Service Account", "SCIM Sync", "Release Pipeline", "Metrics Export",
] as const;

export const BOT_USER_AGENTS = [
  "python-requests/2.31.0", "curl/8.5.0", "Jenkins/2.440", "Go-http-client/1.1", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
  "Apache-HttpClient/4.5.14 (Java/17.0.9)", "okhttp/4.12.0",
] as const;

export const SCRIPT_USER_AGENTS = [
  "python-requests/2.28.1", "curl/7.88.1", "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.3803",
] as const;

export const BROWSER_USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:132.0) Gecko/20100101 Firefox/132.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
] as const;

/** First octets of public cloud ranges (AWS 3/18/34/35/44/52/54, GCP 35/104, Azure 20/40). */
export const DATACENTER_PREFIXES = ["34", "52", "54", "3", "18", "35", "44", "104", "20", "40"] as const;

/** First octets of consumer ISP ranges, for people working from home. */
export const HOME_PREFIXES = ["73", "81", "86", "92", "98", "109", "176", "188", "212", "24"] as const;

export const HUMAN_TOKEN_LABELS = ["my-cli", "vscode", "postman", "atlassian-cli", "jira-terminal", "confluence-publisher"] as const;
export const BOT_TOKEN_LABELS = ["prod", "pipeline", "deploy", "sync", "nightly", "backup", "reporting", "integration"] as const;
export const SCRIPT_TOKEN_LABELS = ["export-script", "cron", "report-job", "sheet-sync"] as const;
