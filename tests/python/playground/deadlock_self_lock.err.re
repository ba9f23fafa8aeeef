(?is)(?=.*deadlock)(?=.*MainThread[^\n]*line 11).*
