doc = '''start
middle
end
