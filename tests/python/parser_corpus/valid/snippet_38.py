if x:
    pass

# comment

    # indented comment
else:  # trailing
    pass
