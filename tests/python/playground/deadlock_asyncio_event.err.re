(?is)(?=.*deadlock)(?=.*line 9).*
