(?is).*output.*limit.*
