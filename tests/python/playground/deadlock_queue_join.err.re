(?is)(?=.*deadlock)(?=.*MainThread[^\n]*line 22).*
