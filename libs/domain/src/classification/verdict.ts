/** A detection's words: a line that names one (a log's "Trojan.Win32.Agent detected", "Category: Trojan") is the customer's evidence. */
export const VERDICT = /trojan|virus|malware|worm|adware|riskware|ransom|heur|not-a-virus|pua|pup\b|exploit|backdoor|detect|quarantin|threat|infect|suspicious|blocked/iu;
