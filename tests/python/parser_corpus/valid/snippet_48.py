raise
raise E
raise E from None
