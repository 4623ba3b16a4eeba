def log = new File(basedir, 'build.log').text
assert log.contains('IAMUnit coverage: statements 1 of 2 (50%)')
assert log.contains('IAMUnit coverage checks have been met.')
assert new File(basedir, 'target/iamunit/coverage.csv').readLines().size() == 3
assert new File(basedir, 'target/iamunit/html/index.html').text.contains('iam/ec2.json')
return true
