(?is)(?=.*deadlock)(?=.*line 12).*
